// @ts-check
// Plain JavaScript: the launcher (gitops.mjs) uses this before any TypeScript can be loaded.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { contentKey, freshStamp, installBundle, writeStamp } from './bundle-stamp.mjs';
import { sourceLocations } from './source-locations.mjs';

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
  const cache = bundleCacheDirectory(root);
  const stampPath = join(cache, 'cli.stamp.json');
  const stamp = freshStamp(stampPath, builderVersion);
  if (stamp) return bundleAt(stamp.output, libraryEntryNames(root));
  return buildCliBundle(root, cache, stampPath);
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

/** @param {string} root */
function libraryEntryNames(root) {
  return Object.keys(libraryEntries(root));
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
 * Builds into a directory of its own, then moves it into place: a process that is still running
 * an older bundle keeps its files, and two processes building at once both end with a whole one.
 * @param {string} root
 * @param {string} cache
 * @param {string} stampPath
 * @returns {Promise<CliBundle>}
 */
async function buildCliBundle(root, cache, stampPath) {
  const { build } = await import('esbuild');
  const libraries = libraryEntries(root);
  const building = join(cache, `building-${process.pid}-${Date.now()}`);
  mkdirSync(cache, { recursive: true });
  writeFileSync(join(cache, 'checkout.json'), JSON.stringify({ root: resolve(root) }));
  const startedAt = Date.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: {
      'gitops-cli': join(root, 'tools/gitops/src/bundled-cli.ts'),
      ...Object.fromEntries(
        Object.entries(libraries).map(([library, file]) => [entryName(library), file]),
      ),
    },
    outdir: building,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    tsconfig: join(root, 'tsconfig.json'),
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'silent',
    plugins: [sourceLocations()],
  });
  const inputs = [
    ...Object.keys(result.metafile.inputs).map((input) => resolve(root, input)),
    // Not read by esbuild's modules but deciding what it builds.
    ...['tsconfig.json', 'tsconfig.base.json'].map((file) => join(root, file)),
    ...['cli-bundle.mjs', 'bundle-stamp.mjs', 'source-locations.mjs'].map((file) =>
      join(root, 'tools/gitops/bin', file),
    ),
  ];
  const key = /** @type {string} */ (contentKey(inputs, builderVersion));
  const output = join(cache, `cli-${key}`);
  installBundle(building, output);
  // An input edited while esbuild ran may not be in the bundle: leave it unstamped, so the next
  // start builds again.
  if (inputs.every((file) => statSync(file).mtimeMs < startedAt)) {
    writeStamp(stampPath, builderVersion, key, output, inputs);
  }
  removeOldBundles(cache, output);
  removeBundlesOfRemovedCheckouts(dirname(cache));
  return bundleAt(output, Object.keys(libraries));
}

/**
 * Bundles of earlier sources, once no process can still be loading chunks from them; the bundles
 * the stamps name are kept, however old.
 * @param {string} cache
 * @param {string} current
 */
function removeOldBundles(cache, current) {
  const kept = new Set([current]);
  for (const stamp of ['cli.stamp.json', 'components.stamp.json']) {
    try {
      kept.add(JSON.parse(readFileSync(join(cache, stamp), 'utf8')).output);
    } catch {
      // No such bundle yet.
    }
  }
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const name of readdirSync(cache)) {
    const path = join(cache, name);
    if (kept.has(path) || !/^(cli|components|building)-/.test(name)) continue;
    try {
      if (statSync(path).mtimeMs < dayAgo) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by a parallel run meanwhile.
    }
  }
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
