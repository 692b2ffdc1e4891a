import { createRequire } from 'node:module';

/**
 * The CEL evaluator and its regular expressions, loaded on first use (their CommonJS builds, so
 * the load can happen inside a synchronous check): loading them is a tenth of a second, which a
 * run without CRD rules never pays, and which `gitops validate` pays while its reader thread is
 * already reading files. Every module here uses this one instance.
 */
export interface CelLibrary {
  cel: typeof import('@bufbuild/cel');
  ext: typeof import('@bufbuild/cel/ext');
  re2: typeof import('@bufbuild/re2');
}

let loaded: CelLibrary | undefined;

export function celLibrary(): CelLibrary {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    loaded = {
      cel: require('@bufbuild/cel') as CelLibrary['cel'],
      ext: require('@bufbuild/cel/ext') as CelLibrary['ext'],
      re2: require('@bufbuild/re2') as CelLibrary['re2'],
    };
  }
  return loaded;
}
