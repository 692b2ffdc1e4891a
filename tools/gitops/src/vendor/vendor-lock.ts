import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VendoredArtifactError } from './vendored-artifact-error';

/** Repository-relative paths of the vendor tree. */
export const vendorLayout = {
  directory: 'vendor',
  lockFile: 'vendor/vendor.lock.json',
  chartsDirectory: 'vendor/charts',
  /** Files under vendor/ that are not artifacts and need no lock entry. */
  unlockedFiles: ['vendor/README.md', 'vendor/vendor.lock.json'],
} as const;

/**
 * `chart`: a Helm package; `manifest`: Kubernetes YAML a component loads; `script`: a file a
 * program runs as data, such as the Lua health scripts Argo CD ships; `source`: an upstream source
 * file a generator in tools/ reads (the product reads its generated output, never the file).
 */
export type VendoredArtifactKind = 'chart' | 'manifest' | 'script' | 'source';

const artifactKinds: readonly VendoredArtifactKind[] = ['chart', 'manifest', 'script', 'source'];

/** A chart bundled inside a vendored package, with where it was built from. */
export interface BundledChart {
  /** Where it sits inside the package, e.g. `datadog/charts/datadog-operator`. */
  location: string;
  chart: string;
  version: string;
  repository: string;
  path: string;
  tag: string;
  commit: string;
}

/** Where a vendored file came from and how it was made. */
export interface ArtifactProvenance {
  /** A source repository (`owner/name`) or, for pulled packages, the Helm repository URL. */
  repository: string;
  /** Path inside that repository, for files built or copied from a source tree. */
  path?: string;
  tag?: string;
  commit?: string;
  /** How the file was produced: built from tagged sources, copied, or pulled. */
  build: string;
  /** When `gitops charts pull` fetched it, only if the user said so (`--date`). */
  pulled?: string;
  bundles?: BundledChart[];
}

/** One locked file. */
export interface LockedArtifact {
  kind: VendoredArtifactKind;
  name: string;
  version: string;
  /** Repository-relative, with forward slashes. */
  path: string;
  sha256: string;
  provenance: ArtifactProvenance;
}

export interface VendorLock {
  lockVersion: 1;
  artifacts: LockedArtifact[];
}

/** The lock file's absolute path in a repository. */
export function vendorLockPath(root: string): string {
  return join(root, vendorLayout.lockFile);
}

/** Reads and checks the lock; a malformed lock fails naming the entry and field. */
export function readVendorLock(root: string): VendorLock {
  const path = vendorLockPath(root);
  if (!existsSync(path)) return { lockVersion: 1, artifacts: [] };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw lockError(`is not valid JSON: ${(error as Error).message}`);
  }
  const lock = data as Partial<VendorLock>;
  if (lock.lockVersion !== 1) throw lockError('lockVersion must be 1');
  if (!Array.isArray(lock.artifacts)) throw lockError('artifacts must be an array');
  lock.artifacts.forEach(checkArtifactShape);
  return lock as VendorLock;
}

function checkArtifactShape(artifact: LockedArtifact, index: number): void {
  const where = `artifacts[${index}]`;
  for (const field of ['name', 'version', 'path', 'sha256'] as const)
    if (typeof artifact[field] !== 'string' || artifact[field] === '')
      throw lockError(`${where}.${field} must be a non-empty string`);
  if (!artifactKinds.includes(artifact.kind))
    throw lockError(
      `${where}.kind must be one of ${artifactKinds.map((k) => `"${k}"`).join(', ')} (got ${JSON.stringify(artifact.kind)})`,
    );
  if (!/^[0-9a-f]{64}$/.test(artifact.sha256))
    throw lockError(`${where}.sha256 must be 64 lowercase hex digits`);
  if (
    typeof artifact.provenance?.repository !== 'string' ||
    typeof artifact.provenance.build !== 'string'
  )
    throw lockError(`${where}.provenance needs repository and build`);
}

function lockError(problem: string): VendoredArtifactError {
  return new VendoredArtifactError(`${vendorLayout.lockFile}: ${problem}`, {
    subject: 'vendor lock',
    file: vendorLayout.lockFile,
  });
}

/** Stable bytes: artifacts sorted by path, keys in one fixed order, two-space JSON, final newline. */
export function serializeVendorLock(lock: VendorLock): string {
  const artifacts = [...lock.artifacts]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((artifact) => ({
      kind: artifact.kind,
      name: artifact.name,
      version: artifact.version,
      path: artifact.path,
      sha256: artifact.sha256,
      provenance: orderedProvenance(artifact.provenance),
    }));
  return `${JSON.stringify({ lockVersion: 1, artifacts }, null, 2)}\n`;
}

function orderedProvenance(provenance: ArtifactProvenance): ArtifactProvenance {
  const { repository, path, tag, commit, build, pulled, bundles } = provenance;
  return {
    repository,
    path,
    tag,
    commit,
    build,
    pulled,
    bundles: bundles?.map((b) => ({
      location: b.location,
      chart: b.chart,
      version: b.version,
      repository: b.repository,
      path: b.path,
      tag: b.tag,
      commit: b.commit,
    })),
  };
}

/** Writes the lock atomically (temp file + rename), so a crash never leaves half a lock. */
export function writeVendorLock(root: string, lock: VendorLock): void {
  const path = vendorLockPath(root);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, serializeVendorLock(lock));
  renameSync(temporary, path);
}

/** The lock with `artifact` added, replacing any entry of the same kind, name and version. */
export function withLockedArtifact(lock: VendorLock, artifact: LockedArtifact): VendorLock {
  const others = lock.artifacts.filter(
    (a) =>
      !(a.kind === artifact.kind && a.name === artifact.name && a.version === artifact.version),
  );
  return { lockVersion: 1, artifacts: [...others, artifact] };
}
