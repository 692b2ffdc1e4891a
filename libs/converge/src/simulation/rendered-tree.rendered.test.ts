import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { converge } from './converge';
import { repositoryRoot, treeInput } from '../testing/fixture-tree';

// The committed rendered/ and the README's bootstrap commands: what `gitops check` replays.
describe('converge on the committed rendered/', () => {
  const result = converge(treeInput(repositoryRoot, join(repositoryRoot, 'README.md')));

  it('brings every cluster up, each in its waves, without a block', () => {
    expect(result.blocks).toEqual([]);
    for (const cluster of result.clusters) {
      expect(cluster.converged, cluster.name).toBe(true);
      expect(cluster.stuck).toBeNull();
      expect(cluster.waves).toBeGreaterThan(0);
    }
  });
});

describe('a cluster of the inventory that nothing under rendered/ deploys to', () => {
  it('does not converge, and says why', () => {
    const input = treeInput(repositoryRoot, join(repositoryRoot, 'README.md'));
    const extra = {
      name: 'empty',
      role: 'workload' as const,
      destinationName: 'empty',
      providedNamespaces: [],
    };
    const result = converge({ ...input, clusters: [...input.clusters, extra] });
    const empty = result.clusters.find((c) => c.name === 'empty')!;
    expect(empty.converged).toBe(false);
    expect(empty.stuck).toMatchObject({
      rule: 'no-applications',
      reason: 'no Application under rendered/ deploys to cluster empty',
    });
    expect(result.clusters.filter((c) => c.name !== 'empty').every((c) => c.converged)).toBe(true);
  });
});
