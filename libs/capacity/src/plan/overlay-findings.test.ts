import { describe, expect, it } from 'vitest';
import { instanceTypeCatalog } from '../catalog/instance-catalog';
import type { NodeOverlaySettings } from '../manifests/read-node-overlay';
import { fixturePool } from '../testing/plan-fixture';
import { overlayFindings, overlayMatches } from './overlay-findings';

const pools = [fixturePool('jobs', 'amd64'), fixturePool('jobs-arm64', 'arm64')];
const overlay = (requirements: NodeOverlaySettings['requirements']): NodeOverlaySettings => ({
  name: 'prefer',
  file: 'rendered/test/karpenter/overlays/nodeoverlay-prefer.yaml',
  requirements,
  priceAdjustment: '-10%',
});

describe('NodeOverlays against the NodePools', () => {
  it('match the pool instance types their requirements select, by pool name, labels and capacity type', () => {
    const graviton = overlay([
      { key: 'karpenter.sh/nodepool', operator: 'In', values: ['jobs-arm64'] },
      { key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] },
    ]);
    // c7g, m7g, r7g in 2xlarge, 4xlarge and 8xlarge.
    expect(overlayMatches(graviton, pools, instanceTypeCatalog)).toHaveLength(9);
    expect(overlayFindings([graviton], pools, instanceTypeCatalog)).toEqual([]);
  });

  it('report an overlay that matches nothing, naming it and its file', () => {
    const wrongPool = overlay([
      { key: 'karpenter.sh/nodepool', operator: 'In', values: ['jobs'] },
      { key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] },
    ]);
    // The fixture pools set no capacity type: Karpenter launches them on-demand only.
    const spotOnly = overlay([
      { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot'] },
    ]);
    for (const unmatched of [wrongPool, spotOnly])
      expect(overlayFindings([unmatched], pools, instanceTypeCatalog)).toEqual([
        {
          severity: 'error',
          subject: 'NodeOverlay prefer',
          file: 'rendered/test/karpenter/overlays/nodeoverlay-prefer.yaml',
          message:
            'spec.requirements match no instance type of any rendered NodePool (jobs, jobs-arm64), so the overlay changes nothing',
        },
      ]);
  });
});
