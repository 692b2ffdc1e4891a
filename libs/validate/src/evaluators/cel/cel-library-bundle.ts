import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedBundle } from '@platform/cached-bundles';
import { checkoutBundleDirectory, repositoryRoot } from '../caches/code-cache-directory';

/**
 * The CEL evaluator and its regular expressions as one CommonJS file, built by esbuild into
 * node_modules/.cache/gitops-cel (again whenever a file it is built from changes). Loaded from
 * its packages, the library is about a hundred modules: 25 ms of finding and reading files and
 * 30 ms of compiling them, before its own start. One file, run with V8's code cache
 * (cached-module.ts), skips both.
 */
export async function celLibraryBundle(): Promise<string> {
  const output = await cachedBundle({
    root: repositoryRoot,
    cache: checkoutBundleDirectory('gitops-cel'),
    kind: 'cel-library',
    salt: 'gitops-cel-library 1',
    options: {
      entryPoints: [fileURLToPath(new URL('./cel-library-entry.ts', import.meta.url))],
      format: 'cjs',
    },
    outfile: 'cel-library.cjs',
    builderFiles: [fileURLToPath(import.meta.url)],
  });
  return join(output, 'cel-library.cjs');
}
