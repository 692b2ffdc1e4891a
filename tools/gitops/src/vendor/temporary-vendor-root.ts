import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { repositoryRoot } from '../workspace/repository-root';
import { writeVendorLock, type LockedArtifact, type VendoredArtifactKind } from './vendor-lock';

/** A file to vendor in a test repository, locked with the digest of `bytes`. */
export interface FixtureArtifact {
  kind: VendoredArtifactKind;
  name: string;
  version: string;
  path: string;
  bytes: Uint8Array | string;
}

/**
 * For tests: a scratch repository root holding the given files under vendor/ and a lock of its
 * own (never the live one), removed by `dispose`.
 */
export function temporaryVendorRoot(artifacts: FixtureArtifact[]): {
  root: string;
  dispose: () => void;
} {
  const root = mkdtempSync(join(tmpdir(), 'gitops-vendor-test-'));
  const locked: LockedArtifact[] = artifacts.map((artifact) => {
    const file = join(root, artifact.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, artifact.bytes);
    return {
      kind: artifact.kind,
      name: artifact.name,
      version: artifact.version,
      path: artifact.path,
      sha256: createHash('sha256').update(artifact.bytes).digest('hex'),
      provenance: { repository: 'example/fixtures', build: 'written by a test' },
    };
  });
  mkdirSync(join(root, 'vendor'), { recursive: true });
  writeVendorLock(root, { lockVersion: 1, artifacts: locked });
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** The Karpenter 1.14.1 package committed in this repository: a real chart for Helm tests. */
export function karpenterPackageFixture(): FixtureArtifact {
  const path = 'vendor/charts/karpenter-1.14.1.tgz';
  return {
    kind: 'chart',
    name: 'karpenter',
    version: '1.14.1',
    path,
    bytes: readFileSync(join(repositoryRoot, path)),
  };
}
