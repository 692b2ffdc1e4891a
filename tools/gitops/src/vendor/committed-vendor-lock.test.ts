import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../workspace/repository-root';
import { sha256File } from './sha256-file';
import { readVendorLock } from './vendor-lock';
import { verifyVendorTree } from './verify-vendor-tree';

// The committed vendor tree is data this repository ships: it must verify, and its digests and
// provenance must be the ones recorded where the artifacts came from (../shared/upstream, read
// only here, never by the product).
const upstream = join(repositoryRoot, '..', 'shared', 'upstream');
const lock = readVendorLock(repositoryRoot);

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
        const folder = artifact.kind === 'chart' ? 'charts' : 'argocd';
        const mention = `${folder}/${basename(artifact.path)}`;
        const at = sources.indexOf(mention);
        expect(at, mention).toBeGreaterThanOrEqual(0);
        // The first sha256 after the file's first mention is the one recorded for it.
        expect(/\b[0-9a-f]{64}\b/.exec(sources.slice(at))?.[0], mention).toBe(artifact.sha256);
        expect(sha256File(join(upstream, mention)), mention).toBe(artifact.sha256);
        const line = sources.slice(sources.lastIndexOf('\n', at), sources.indexOf('\n', at));
        expect(line, mention).toContain(artifact.provenance.commit!);
      }
    },
  );
});
