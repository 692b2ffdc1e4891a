import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readManifestText } from '@platform/manifests';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileReader, type ReadFile } from './file-reader-thread';
import { workerBundle } from './worker-bundle';

const directory = mkdtempSync(join(tmpdir(), 'file-reader-thread-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** More files than a batch (64), each with its own text. */
const texts = Array.from({ length: 1_500 }, (_, i) =>
  i === 7
    ? 'a: [unclosed\n'
    : i === 8
      ? 'binary\u0000content'
      : i === 9
        ? 'a: &x {b: 1}\nc: *x\nd: yes\n'
        : // Larger than the reader's buffer, and exactly its size.
          i === 10
          ? `a: ${'é'.repeat(200_000)}\n`
          : i === 11
            ? `a: ${'x'.repeat(256 * 1024 - 4)}\n`
            : `index: ${i}\nname: é-${i}\n`,
);
const paths = texts.map((text, i) => {
  const path = join(directory, `file-${i}.yaml`);
  writeFileSync(path, text);
  return path;
});

let bundle: string;
beforeAll(async () => {
  bundle = await workerBundle(new URL('./file-reader-worker.ts', import.meta.url));
});

/** Small batches, few ahead: the reader has to wait for a slow taker many times over. */
const shortReadAhead = { batchSize: 16, batchesAhead: 4 };

async function readAll(list: readonly string[], pauseEvery = 0): Promise<ReadFile[]> {
  const files: ReadFile[] = [];
  const reader = new FileReader(bundle);
  for await (const batch of reader.read(list, pauseEvery ? shortReadAhead : undefined)) {
    files.push(...batch);
    // A slow consumer: the reader must wait for it, not drop or reorder anything.
    if (pauseEvery && files.length % pauseEvery === 0)
      await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return files;
}

describe('the thread that reads and parses files ahead of validation', () => {
  it('yields every file’s text in order; values it parsed are exactly what parsing here gives', async () => {
    const read = await readAll(paths);
    expect(read.map((file) => file.content)).toEqual(texts);
    for (const file of read)
      if (file.text()) expect(file.text()).toEqual(readManifestText(file.content));
  });

  it('parses while a slow taker lets it get ahead, without dropping or reordering a file', async () => {
    const read = await readAll(paths, 16);
    expect(read.map((file) => file.content)).toEqual(texts);
    const parsed = read.filter((file) => file.text() !== undefined);
    expect(parsed.length).toBeGreaterThan(texts.length / 2);
    for (const file of parsed) expect(file.text()).toEqual(readManifestText(file.content));
    expect(read[9]!.text() ?? readManifestText(read[9]!.content)).toEqual({
      values: [{ a: { b: 1 }, c: { b: 1 }, d: true }],
      usesAliases: true,
    });
  });

  it('sends values JSON cannot carry exactly: shared alias nodes, NaN, -0, infinities', async () => {
    const special = ['a: &x {b: 1}\nc: *x\n', 'a: .nan\nb: -0.0\nc: -.inf\n'].map((text, i) => {
      const path = join(directory, `special-${i}.yaml`);
      writeFileSync(path, text);
      return path;
    });
    // Behind a slow taker the reader is ahead, and parses, long before the last files.
    const read = await readAll([...paths.slice(20, 200), ...special], 16);
    const [aliased, numbers] = read.slice(-2).map((file) => file.text()?.values[0]) as [
      { a: unknown; c: unknown },
      { a: number; b: number; c: number },
    ];
    expect(aliased.c).toBe(aliased.a);
    expect(numbers.a).toBeNaN();
    expect(Object.is(numbers.b, -0)).toBe(true);
    expect(numbers.c).toBe(-Infinity);
  });

  it('ends with the error readFileSync gives for a file it cannot read', async () => {
    const missing = [...paths.slice(0, 100), join(directory, 'gone.yaml'), ...paths.slice(100)];
    await expect(readAll(missing)).rejects.toThrow(/ENOENT.*gone\.yaml/);
  });

  it('yields nothing for no files', async () => {
    expect(await readAll([])).toEqual([]);
  });
});
