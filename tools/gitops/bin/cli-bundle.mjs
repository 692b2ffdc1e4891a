// @ts-check
// Plain JavaScript: the launcher (gitops.mjs) uses this before any TypeScript can be loaded.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// By path: plain JavaScript has no `@platform/*` paths before a TypeScript loader. The tool may
// import a library (eslint.config.js); libs/validate bundles its worker with the same module.
import { buildBundle, freshBundle } from '../../../libs/cached-bundles/src/index.mjs';

/**
 * The CLI and the libraries as one set of ES modules, built with esbuild from the TypeScript
 * sources on the first run after they change and reused until they change again. Loading it
 * costs a fraction of compiling the same ~260 files through tsx on every start. Component files
 * are not in it: `gitops render` bundles them separately (src/workspace/component-bundle.ts),
 * against the libraries of this bundle, so an edit to an app never rebuilds the CLI.
 *
 * @typedef {{ entry: string, libraries: Record<string, string> }} CliBundle
 */

/** Changes whenever the way bundles are built changes, so older bundles are never reused. */
const builderVersion = 'gitops-cli-bundle 1';

/** Where bundles live: ignored by git, per checkout (clones may share one node_modules). */
export function bundleCacheDirectory(/** @type {string} */ root) {
  const checkout = createHash('sha256').update(resolve(root)).digest('hex').slice(0, 12);
  return join(root, 'node_modules/.cache/gitops/bundles', checkout);
}

/**
 * The bundle for the sources under `root`, built first if it is missing or stale.
 * @param {string} root the repository root
 * @returns {Promise<CliBundle>}
 */
export async function cliBundle(root) {
  const libraries = libraryEntries(root);
  const request = cliBundleRequest(root, libraries);
  const fresh = freshBundle(request);
  if (fresh) return bundleAt(fresh, Object.keys(libraries));
  mkdirSync(request.cache, { recursive: true });
  writeFileSync(join(request.cache, 'checkout.json'), JSON.stringify({ root: resolve(root) }));
  const output = await buildBundle(request);
  removeBundlesOfRemovedCheckouts(dirname(request.cache));
  return bundleAt(output, Object.keys(libraries));
}

/**
 * The CLI's entry and one entry per library, split into shared chunks: a command's modules load
 * only when it runs.
 * @param {string} root
 * @param {Record<string, string>} libraries
 * @returns {import('../../../libs/cached-bundles/src/index.mjs').BundleRequest}
 */
function cliBundleRequest(root, libraries) {
  return {
    root,
    cache: bundleCacheDirectory(root),
    kind: 'cli',
    salt: builderVersion,
    options: {
      entryPoints: {
        'gitops-cli': join(root, 'tools/gitops/src/bundled-cli.ts'),
        ...Object.fromEntries(
          Object.entries(libraries).map(([library, file]) => [entryName(library), file]),
        ),
      },
      splitting: true,
      packages: 'external',
      sourcemap: 'linked',
    },
    builderFiles: [fileURLToPath(import.meta.url)],
    // A running CLI loads a command's chunks when the command runs, maybe from the bundle this one
    // replaces (a source edited while Nx runs several renders).
    keepReplaced: true,
  };
}

/**
 * The `@platform/*` libraries (from tsconfig.base.json's paths), each an entry point of the bundle
 * named after it, so a component bundle can import the very modules the CLI uses.
 * @param {string} root
 * @returns {Record<string, string>} import path → entry source file (absolute)
 */
function libraryEntries(root) {
  const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
  /** @type {Record<string, string[]>} */
  const paths = compilerOptions.paths;
  return Object.fromEntries(
    Object.entries(paths)
      .filter(([, [target]]) => target?.startsWith('libs/'))
      .map(([name, [target]]) => [name, join(root, /** @type {string} */ (target))]),
  );
}

/** `@platform/core` → `platform-core`: the bundle's file name for a library entry. */
const entryName = (/** @type {string} */ library) => library.replace(/^@/, '').replace('/', '-');

/**
 * @param {string} output the bundle's directory
 * @param {string[]} libraries
 * @returns {CliBundle}
 */
function bundleAt(output, libraries) {
  return {
    entry: join(output, 'gitops-cli.js'),
    libraries: Object.fromEntries(
      libraries.map((library) => [library, join(output, `${entryName(library)}.js`)]),
    ),
  };
}

/**
 * The cache directories of checkouts that no longer exist (scratch clones of tests and benchmarks
 * link this node_modules, so their bundles land here too).
 * @param {string} base
 */
function removeBundlesOfRemovedCheckouts(base) {
  for (const name of readdirSync(base)) {
    try {
      const { root } = JSON.parse(readFileSync(join(base, name, 'checkout.json'), 'utf8'));
      if (!existsSync(root)) rmSync(join(base, name), { recursive: true, force: true });
    } catch {
      // Not a checkout's directory, or removed by a parallel run meanwhile.
    }
  }
}
