import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../workspace/repository-root';
import { sha256File } from './sha256-file';
import { readVendorLock, type LockedArtifact } from './vendor-lock';
import { verifyVendorTree } from './verify-vendor-tree';

// The committed vendor tree is data this repository ships: it must verify, and its digests and
// provenance must be the ones recorded where the artifacts came from (../shared/upstream, read
// only here, never by the product).
const upstream = join(repositoryRoot, '..', 'shared', 'upstream');
const lock = readVendorLock(repositoryRoot);

/**
/**
 * Where an artifact's copy sits in ../shared/upstream (`file`) and what SOURCES.md calls it
 * (`mention`): chart packages under charts/, the Argo CD install under argocd/ (SOURCES.md records
 * both digests), upstream source files under the project's folder, mentioned by their upstream
 * path on the line that records commit and digest, Argo CD's Lua scripts in its source tree
 * (SOURCES.md records the commit of the whole tree, in the line that says so), CRDs under crds/ by
 * their upstream file name (SOURCES.md records the commit only; the External Secrets bundle under
 * its own name, with its digest).
 */
function upstreamCopy(artifact: LockedArtifact): {
  file: string;
  mention: string;
  digestRecorded: boolean;
} {
  const named = (file: string, digestRecorded: boolean) => ({
    file,
    mention: file,
    digestRecorded,
  });
  if (artifact.kind === 'chart') return named(`charts/${basename(artifact.path)}`, true);
  if (artifact.kind === 'script')
    return {
      file: `argocd/source-v3.5.1/${artifact.provenance.path}`,
      mention: 'files copied byte for byte from argoproj/argo-cd at tag v3.5.1',
      digestRecorded: false,
    };
  if (artifact.path.startsWith('vendor/external-secrets/'))
    return named(`crds/${basename(artifact.path)}`, true);
  if (artifact.path.startsWith('vendor/argocd/'))
    return named(`argocd/${basename(artifact.path)}`, true);
  if (artifact.kind === 'source')
    return {
      file: artifact.path.replace(/^vendor\//, ''),
      mention: artifact.provenance.path ?? artifact.path,
      digestRecorded: true,
    };
  return named(`crds/${basename(artifact.provenance.path ?? artifact.path)}`, false);
}

describe('the committed vendor tree', () => {
  it('matches its lock: every file present with its digest, nothing unlocked', () => {
    expect(verifyVendorTree(repositoryRoot)).toEqual([]);
  });

  const present = existsSync(join(upstream, 'SOURCES.md'));
  if (!present) console.warn(`skipping the upstream cross-check: ${upstream} not found`);
  it.skipIf(!present)(
    'records the digests and commits that ../shared/upstream/SOURCES.md gives, for byte-identical copies',
    () => {
      const sources = readFileSync(join(upstream, 'SOURCES.md'), 'utf8');
      for (const artifact of lock.artifacts) {
        const copy = upstreamCopy(artifact);
        const at = sources.indexOf(copy.mention);
        expect(at, copy.mention).toBeGreaterThanOrEqual(0);
        // Where SOURCES.md records a digest, it is the first sha256 after the file's first mention.
        if (copy.digestRecorded)
          expect(/\b[0-9a-f]{64}\b/.exec(sources.slice(at))?.[0], copy.mention).toBe(
            artifact.sha256,
          );
        expect(sha256File(join(upstream, copy.file)), copy.file).toBe(artifact.sha256);
        const line = sources.slice(sources.lastIndexOf('\n', at), sources.indexOf('\n', at));
        expect(line, copy.mention).toContain(artifact.provenance.commit!);
      }
    },
  );
});
