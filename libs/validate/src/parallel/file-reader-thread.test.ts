import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInOrder } from './file-reader-thread';

const directory = mkdtempSync(join(tmpdir(), 'file-reader-thread-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** More files than the reader may read ahead (16 batches of 64), each with its own text. */
const paths = Array.from({ length: 1_500 }, (_, i) => {
  const path = join(directory, `file-${i}.yaml`);
  writeFileSync(path, `index: ${i}\nname: é-${i}\n`);
  return path;
});

async function readAll(list: readonly string[], pauseEvery = 0): Promise<string[]> {
  const contents: string[] = [];
  for await (const batch of readInOrder(list)) {
    contents.push(...batch);
    // A slow consumer: the reader must wait for it, not drop or reorder anything.
    if (pauseEvery && contents.length % pauseEvery === 0)
      await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return contents;
}

describe('the thread that reads files ahead of validation', () => {
  it('yields every file’s text, in the order given, however slowly they are taken', async () => {
    const expected = paths.map((_, i) => `index: ${i}\nname: é-${i}\n`);
    expect(await readAll(paths)).toEqual(expected);
    expect(await readAll(paths, 64)).toEqual(expected);
  });

  it('ends with the error readFileSync gives for a file it cannot read', async () => {
    const missing = [...paths.slice(0, 100), join(directory, 'gone.yaml'), ...paths.slice(100)];
    await expect(readAll(missing)).rejects.toThrow(/ENOENT.*gone\.yaml/);
  });

  it('yields nothing for no files', async () => {
    expect(await readAll([])).toEqual([]);
  });
});
