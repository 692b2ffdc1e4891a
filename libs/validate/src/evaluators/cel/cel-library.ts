import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runCachedModule } from '../caches/cached-module';
import { celLibraryBundle } from './cel-library-bundle';

/**
 * The CEL evaluator and its regular expressions, loaded on first use (synchronously, so the load
 * can happen inside a synchronous check): loading them is a tenth of a second, which a run
 * without CRD rules never pays. Every module here uses this one instance.
 */
export interface CelLibrary {
  cel: typeof import('@bufbuild/cel');
  ext: typeof import('@bufbuild/cel/ext');
  re2: typeof import('@bufbuild/re2');
}

let loaded: CelLibrary | undefined;
let bundle: string | undefined;

/**
 * Finds (or builds) the one-file build of the library, so that a first use loads that instead
 * of the packages. Nothing is loaded yet; without the build (esbuild missing, cache not writable)
 * the packages are loaded, with the same results.
 */
export async function prepareCelLibrary(): Promise<void> {
  if (loaded || bundle) return;
  try {
    bundle = await celLibraryBundle();
  } catch {
    bundle = undefined;
  }
}

export function celLibrary(): CelLibrary {
  loaded ??= (bundle && fromBundle(bundle)) || fromPackages();
  return loaded;
}

function fromBundle(path: string): CelLibrary | undefined {
  try {
    return runCachedModule(readFileSync(path), path) as CelLibrary;
  } catch {
    return undefined;
  }
}

/** The same modules as cel-library-entry.ts, required one by one. */
function fromPackages(): CelLibrary {
  const require = createRequire(import.meta.url);
  return {
    cel: require('@bufbuild/cel') as CelLibrary['cel'],
    ext: require('@bufbuild/cel/ext') as CelLibrary['ext'],
    re2: require('@bufbuild/re2') as CelLibrary['re2'],
  };
}
