import { createRequire } from 'node:module';

/**
 * The CEL evaluator, loaded on first use (synchronously, so the load can happen inside a
 * synchronous check): a run without CRD rules never pays for loading it. Every module here uses
 * this one instance.
 */
export interface CelLibrary {
  cel: typeof import('@bufbuild/cel');
  ext: typeof import('@bufbuild/cel/ext');
}

const require = createRequire(import.meta.url);
let loadedCel: CelLibrary | undefined;
let loadedRe2: typeof import('@bufbuild/re2') | undefined;

export function celLibrary(): CelLibrary {
  loadedCel ??= {
    cel: require('@bufbuild/cel') as CelLibrary['cel'],
    ext: require('@bufbuild/cel/ext') as CelLibrary['ext'],
  };
  return loadedCel;
}

/**
 * The RE2 engine CEL's `matches()` uses (@bufbuild/re2, a port of RE2/J), loaded on first use,
 * without CEL: CRD patterns are matched with it too.
 */
export function re2Library(): typeof import('@bufbuild/re2') {
  loadedRe2 ??= require('@bufbuild/re2') as typeof import('@bufbuild/re2');
  return loadedRe2;
}
