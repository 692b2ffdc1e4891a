import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedBundle, type BundleRequest } from './index.mjs';

/** A scratch repository (one source file and a tsconfig) and a cache directory of its own. */
let root: string;
let cache: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gitops-cached-bundle-'));
  cache = join(root, 'cache');
  writeSource('tsconfig.json', '{}\n', 0);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

/**
 * Writes a source with a modification time of its own in the past: the bundle is stamped only
 * when every input is older than its build, and two versions of a file never look the same.
 */
function writeSource(file: string, content: string, version: number) {
  writeFileSync(join(root, file), content);
  const time = Date.now() / 1000 - 600 + version;
  utimesSync(join(root, file), time, time);
}

function request(kind: string, extra: Partial<BundleRequest> = {}): BundleRequest {
  return {
    root,
    cache,
    kind,
    salt: 'test builder 1',
    options: { entryPoints: [join(root, 'entry.ts')] },
    outfile: 'entry.mjs',
    ...extra,
  };
}

/** Bundles `entry.ts` saying `value`, and what the bundle says. */
async function bundleOf(value: number, extra: Partial<BundleRequest> = {}) {
  writeSource('entry.ts', `export const value: number = ${value};\n`, value);
  const output = await cachedBundle(request('probe', extra));
  const module = await import(pathToFileURL(join(output, 'entry.mjs')).href);
  return { output, value: module.value as number };
}

const bundlesOf = (kind: string) =>
  readdirSync(cache)
    .filter((name) => name.startsWith(`${kind}-`))
    .sort();

describe('a cached bundle', () => {
  it('is reused while its sources are unchanged, and rebuilt once one changes', async () => {
    const first = await bundleOf(1);
    expect(await cachedBundle(request('probe'))).toBe(first.output);
    const second = await bundleOf(2);
    expect(second.output).not.toBe(first.output);
    expect(second.value).toBe(2);
  });

  it('replaces the older bundle of its kind: only the newest stays in the cache', async () => {
    const first = await bundleOf(1);
    const second = await bundleOf(2);
    expect(bundlesOf('probe')).toEqual([basename(second.output)]);
    expect(existsSync(first.output)).toBe(false);
  });

  it('leaves the bundles of other kinds in the same directory alone', async () => {
    writeSource('other.ts', 'export const other = 1;\n', 0);
    const other = await cachedBundle({
      ...request('other'),
      options: { entryPoints: [join(root, 'other.ts')] },
      outfile: 'other.mjs',
    });
    await bundleOf(1);
    await bundleOf(2);
    expect(bundlesOf('other')).toEqual([basename(other)]);
  });

  it('keeps the bundle it replaces as well when asked (a running process may load its chunks)', async () => {
    const [first, second, third] = [
      await bundleOf(1, { keepReplaced: true }),
      await bundleOf(2, { keepReplaced: true }),
      await bundleOf(3, { keepReplaced: true }),
    ];
    expect(bundlesOf('probe')).toEqual([basename(second.output), basename(third.output)].sort());
    expect(existsSync(first.output)).toBe(false);
  });

  it("removes a crashed build's directory a day later, never a build in progress", async () => {
    mkdirSync(cache, { recursive: true });
    const crashed = join(cache, 'building-1-1');
    const inProgress = join(cache, 'building-2-2');
    [crashed, inProgress].forEach((directory) => mkdirSync(directory));
    const twoDaysAgo = Date.now() / 1000 - 2 * 24 * 60 * 60;
    utimesSync(crashed, twoDaysAgo, twoDaysAgo);
    await bundleOf(1);
    expect([existsSync(crashed), existsSync(inProgress)]).toEqual([false, true]);
  });
});
