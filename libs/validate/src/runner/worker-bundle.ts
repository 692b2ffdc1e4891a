import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedBundle } from '@platform/cached-bundles';
import { checkoutBundleDirectory, repositoryRoot } from '../evaluators/caches/code-cache-directory';

/**
 * Worker threads cannot run this repository's TypeScript quickly: tsx's loader takes seconds to
 * start in a worker, more than the work it would share. A worker's entry is therefore bundled
 * with esbuild into one JavaScript module (about a tenth of a second to load), kept under
 * node_modules/.cache and rebuilt whenever any file it was built from changes.
 */
const cacheDirectory = checkoutBundleDirectory('gitops-workers');

const salt = 'gitops-worker-bundle 1';

const nameOf = (entry: URL) => basename(fileURLToPath(entry)).replace(/\.ts$/, '');

/** The path of the bundled worker for a TypeScript entry, built if missing or out of date. */
export async function workerBundle(entry: URL): Promise<string> {
  const name = nameOf(entry);
  const output = await cachedBundle({
    root: repositoryRoot,
    cache: cacheDirectory,
    kind: name,
    salt,
    options: {
      entryPoints: [fileURLToPath(entry)],
      // Packages are bundled too, so a worker loads one module. Bundled CommonJS packages (ajv)
      // require Node built-ins, and an ES module has no `require`. (import.meta.filename, not the
      // URL: the CLI's bundler rewrites the URL's words wherever they stand in this file.)
      // Read only by tools that ask (a CPU profile traced back to the sources, GITOPS_DEBUG).
      sourcemap: 'linked',
      banner: {
        js: "import { createRequire as createRequireOfBundle } from 'node:module'; const require = createRequireOfBundle(import.meta.filename);",
      },
    },
    outfile: `${name}.mjs`,
    builderFiles: [fileURLToPath(import.meta.url)],
  });
  return join(output, `${name}.mjs`);
}
