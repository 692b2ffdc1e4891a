import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { CelLibrary } from './cel-library';
import { celLibraryBundle } from './cel-library-bundle';

const require = createRequire(import.meta.url);

describe('the one-file build of the CEL library', () => {
  it('exports what the packages export, and evaluates rules with Kubernetes’ string functions', async () => {
    const bundled = require(await celLibraryBundle()) as CelLibrary;
    expect(Object.keys(bundled.cel).sort()).toEqual(Object.keys(require('@bufbuild/cel')).sort());
    expect(Object.keys(bundled.re2).sort()).toEqual(Object.keys(require('@bufbuild/re2')).sort());
    const { cel, ext } = bundled;
    const environment = cel.celEnv({ funcs: [...ext.strings] });
    const run = (rule: string) => cel.plan(environment, cel.parse(rule))();
    expect(run("'al2023@latest'.split('@')[0] == 'al2023'")).toBe(true);
    expect(run("'a'.matches('^b')")).toBe(false);
    expect(bundled.re2.RE2JS.compile('^[a-z]+$').matches('abc')).toBe(true);
  });

  it('is built once: a second call finds the same file, not rewritten', async () => {
    const first = await celLibraryBundle();
    const { ino, mtimeMs } = statSync(first);
    const second = await celLibraryBundle();
    expect(second).toBe(first);
    expect(statSync(second)).toMatchObject({ ino, mtimeMs });
  });
});
