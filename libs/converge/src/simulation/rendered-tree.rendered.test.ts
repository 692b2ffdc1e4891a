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
