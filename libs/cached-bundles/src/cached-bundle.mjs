// @ts-check
// Plain JavaScript, typed through JSDoc: the CLI's launcher (tools/gitops/bin/cli-bundle.mjs) builds
// its bundle with this before any TypeScript can be loaded, and the TypeScript of tools/gitops
// (component bundles) and libs/validate (worker bundles) imports the same module. It is a library,
// not a file beside the launcher, because libraries may import only libraries (eslint.config.js)
// while tools may import libraries; the launcher, plain JavaScript, imports it by path.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentKey, freshStamp, installBundle, writeStamp } from './bundle-stamp.mjs';
import { sourceLocations } from './source-locations.mjs';

/**
 * One kind of bundle of this repository's TypeScript (the CLI, the component files, a worker):
 * where it is cached and what, besides its inputs' bytes, decides its output.
 *
 * @typedef {object} BundleRequest
 * @property {string} root the sources' repository: esbuild's working directory and tsconfig
 * @property {string} cache the directory of this kind's bundles and stamp
 * @property {string} kind names the stamp (`<kind>.stamp.json`) and each bundle (`<kind>-<key>/`)
 * @property {string} salt what else decides the output (the builder's version, its entry list)
 * @property {import('esbuild').BuildOptions} options what is particular to this kind: its entry
 *   points, plugins (source locations are added last), `packages`, `sourcemap`, `splitting`…
 * @property {string} [outfile] the name of the bundle's only file, for a `stdin` entry (which has
 *   no name of its own); otherwise esbuild names the outputs after the entry points
 * @property {string[]} [builderFiles] files that decide the output without esbuild reading them
 *   (the builder's own source), absolute
 * @property {boolean} [keepReplaced] keep the bundle this one replaces, not only this one: for a
 *   bundle whose chunks a process still running from it may load later
 */

/** After this long, a `building-*` directory is a crashed build's, not a build in progress. */
const abandonedBuildMs = 24 * 60 * 60 * 1000;

/**
 * The cached bundle's directory, built first if its inputs changed since it was built (or it never
 * was).
 * @param {BundleRequest} request
 * @returns {Promise<string>}
 */
export async function cachedBundle(request) {
  return freshBundle(request) ?? (await buildBundle(request));
}

/**
 * The cached bundle's directory if it is still what its inputs would build; reads no input's bytes
 * unless its time or size changed (bundle-stamp.mjs).
 * @param {Pick<BundleRequest, 'cache' | 'kind' | 'salt'>} request
 * @returns {string | undefined}
 */
export function freshBundle({ cache, kind, salt }) {
  return freshStamp(stampPath(cache, kind), salt)?.output;
}

/**
 * Builds into a directory of its own, then moves it into place under its inputs' key: a process
 * running an older bundle keeps its files, and two processes building at once both end with a
 * whole one. Then removes this kind's other bundles, so the cache holds only the current one.
 * @param {BundleRequest} request
 * @returns {Promise<string>} the bundle's directory
 */
export async function buildBundle(request) {
  const { build } = await import('esbuild');
  const { root, cache, kind, salt, options } = request;
  const building = join(cache, `building-${process.pid}-${Date.now()}`);
  mkdirSync(cache, { recursive: true });
  const startedAt = Date.now();
  const result = await build({
    ...sharedOptions(root),
    ...options,
    ...(request.outfile ? { outfile: join(building, request.outfile) } : { outdir: building }),
    plugins: [...(options.plugins ?? []), sourceLocations()],
  }).catch((error) => {
    rmSync(building, { recursive: true, force: true });
    throw error;
  });
  const inputs = bundleInputs(request, /** @type {import('esbuild').Metafile} */ (result.metafile));
  const key = contentKey(inputs, salt);
  if (!key) {
    rmSync(building, { recursive: true, force: true });
    throw new Error(`the ${kind} bundle: an input was removed while it was built`);
  }
  const output = join(cache, `${kind}-${key}`);
  const replaced = stampedOutput(cache, kind);
  installBundle(building, output);
  // An input edited while esbuild ran may not be in the bundle: leave it unstamped, so the next
  // use builds again.
  if (inputs.every((file) => statSync(file).mtimeMs < startedAt)) {
    writeStamp(stampPath(cache, kind), salt, key, output, inputs);
  }
  pruneBundles(cache, kind, request.keepReplaced && replaced ? [output, replaced] : [output]);
  return output;
}

/**
 * What every bundle of this repository's sources shares: ES modules for the oldest Node the
 * repository supports (package.json `engines`), the `@platform/*` paths of its tsconfig, and a
 * metafile, whose inputs key the bundle.
 * @param {string} root
 * @returns {import('esbuild').BuildOptions}
 */
function sharedOptions(root) {
  return {
    absWorkingDir: root,
    tsconfig: join(root, 'tsconfig.json'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    metafile: true,
    logLevel: 'silent',
  };
}

/** This module and the ones it builds with: a change to them changes every bundle. */
const ownFiles = ['cached-bundle.mjs', 'bundle-stamp.mjs', 'source-locations.mjs'].map((file) =>
  fileURLToPath(new URL(file, import.meta.url)),
);

/**
 * Every file the bundle was built from, absolute: esbuild's inputs (but a `stdin` entry, which is
 * generated text that the salt decides), the tsconfig files it resolved them with, and the
 * builder's own files.
 * @param {BundleRequest} request
 * @param {import('esbuild').Metafile} metafile
 * @returns {string[]}
 */
function bundleInputs({ root, options, builderFiles = [] }, metafile) {
  const stdinEntry = options.stdin?.sourcefile;
  const read = Object.keys(metafile.inputs)
    .filter((input) => input !== stdinEntry && !input.startsWith('<stdin>'))
    .map((input) => resolve(root, input));
  const tsconfigs = ['tsconfig.json', 'tsconfig.base.json']
    .map((file) => join(root, file))
    .filter((file) => existsSync(file));
  return [...new Set([...read, ...tsconfigs, ...builderFiles, ...ownFiles])];
}

/**
 * Removes this kind's bundles but the kept ones, and builds that crashed long ago (a build in
 * progress in another process has a recent `building-*` directory).
 * @param {string} cache
 * @param {string} kind
 * @param {string[]} kept
 */
function pruneBundles(cache, kind, kept) {
  const abandonedBefore = Date.now() - abandonedBuildMs;
  for (const name of readdirSync(cache)) {
    const path = join(cache, name);
    try {
      const replaced = name.startsWith(`${kind}-`) && !kept.includes(path);
      const abandoned = name.startsWith('building-') && statSync(path).mtimeMs < abandonedBefore;
      if (replaced || abandoned) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by a parallel run meanwhile.
    }
  }
}

/**
 * @param {string} cache
 * @param {string} kind
 */
const stampPath = (cache, kind) => join(cache, `${kind}.stamp.json`);

/**
 * The bundle the kind's stamp names, fresh or not.
 * @param {string} cache
 * @param {string} kind
 * @returns {string | undefined}
 */
function stampedOutput(cache, kind) {
  try {
    return JSON.parse(readFileSync(stampPath(cache, kind), 'utf8')).output;
  } catch {
    return undefined;
  }
}
