import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import {
  codeCacheDirectory,
  repositoryRoot,
  writeAtomically,
} from '../code-cache/code-cache-directory';

/**
 * Worker threads cannot run this repository's TypeScript quickly: tsx's loader takes seconds to
 * start in a worker, more than the work it would share. A worker's entry is therefore bundled
 * with esbuild into one JavaScript module (about a tenth of a second to load), kept under
 * node_modules/.cache and rebuilt whenever any file it was built from changes.
 */
const cacheDirectory = codeCacheDirectory('gitops-workers');

interface BundleManifest {
  bundle: string;
  /** Every file the bundle was built from, absolute, and the digest of their contents. */
  inputs: string[];
  digest: string;
}

/** The path of the bundled worker for a TypeScript entry, built if missing or out of date. */
export async function workerBundle(entry: URL): Promise<string> {
  const name = basename(fileURLToPath(entry)).replace(/\.ts$/, '');
  const manifestPath = join(cacheDirectory, `${name}.json`);
  const manifest = readManifest(manifestPath);
  if (
    manifest &&
    existsSync(join(cacheDirectory, manifest.bundle)) &&
    inputsDigest(manifest.inputs) === manifest.digest
  )
    return join(cacheDirectory, manifest.bundle);
  return buildBundle(fileURLToPath(entry), name, manifestPath);
}

async function buildBundle(entry: string, name: string, manifestPath: string): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: repositoryRoot,
    tsconfig: join(repositoryRoot, 'tsconfig.json'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [sourceLocationPlugin],
    // Bundled CommonJS packages (ajv) require Node built-ins; an ES module has no `require`.
    // (import.meta.filename: this file may itself be bundled by a plugin that rewrites the URL.)
    banner: {
      js: "import { createRequire as createRequireOfBundle } from 'node:module'; const require = createRequireOfBundle(import.meta.filename);",
    },
  });
  const inputs = Object.keys(result.metafile.inputs).map((input) =>
    isAbsolute(input) ? input : join(repositoryRoot, input),
  );
  const digest = inputsDigest(inputs);
  const manifest: BundleManifest = { bundle: `${name}-${digest.slice(0, 16)}.mjs`, inputs, digest };
  writeAtomically(join(cacheDirectory, manifest.bundle), result.outputFiles[0]!.contents);
  writeAtomically(manifestPath, JSON.stringify(manifest));
  removeOtherBundles(name, manifest.bundle);
  return join(cacheDirectory, manifest.bundle);
}

/** Earlier builds of the same entry; a process still running one has it loaded already. */
function removeOtherBundles(name: string, current: string): void {
  for (const file of readdirSync(cacheDirectory))
    if (file.startsWith(`${name}-`) && file.endsWith('.mjs') && file !== current)
      rmSync(join(cacheDirectory, file), { force: true });
}

/**
 * Modules find the committed schemas next to their own source (`new URL(…, import.meta.url)`);
 * inside a bundle that URL would be the bundle's, so each module's own URL is written in.
 */
// A pattern, not the words themselves: the CLI's own bundler rewrites them wherever they appear.
const moduleUrl = /\bimport\.meta\.url\b/g;

const sourceLocationPlugin: Plugin = {
  name: 'source-location',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replace(
        moduleUrl,
        JSON.stringify(pathToFileURL(args.path).href),
      ),
      loader: 'ts',
    }));
  },
};

function inputsDigest(inputs: readonly string[]): string {
  const hash = createHash('sha256');
  for (const input of inputs) {
    hash.update(input).update('\0');
    hash.update(existsSync(input) ? readFileSync(input) : 'missing').update('\0');
  }
  return hash.digest('hex');
}

function readManifest(path: string): BundleManifest | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as BundleManifest;
  } catch {
    return undefined;
  }
}
