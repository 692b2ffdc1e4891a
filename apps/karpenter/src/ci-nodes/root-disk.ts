import {
  nodeDiskCandidates,
  readNodeClass,
  rootDiskSettings,
  sharedPlanInput,
  type CapacityPlan,
  type JsonObject,
} from '@platform/capacity';
import type { ClusterSpec } from '@platform/config';
import type { NodeClassShape } from './ci-node-shapes';
import { nodeClassManifest, type RootDisk } from './node-class-manifest';

const source = 'apps/karpenter/src/ci-nodes';

/**
 * A CI EC2NodeClass's root volume and system reserve, from the render-time capacity plan: the
 * most jobs any type of its pools runs, each size class's ephemeral storage and images
 * (libs/config ci-jobs). `gitops capacity` checks the rendered volume against the full plan.
 */
export function nodeClassRootDisk(
  shape: NodeClassShape,
  cluster: ClusterSpec,
  plan: CapacityPlan,
): RootDisk {
  const { nodeDisk } = sharedPlanInput(cluster);
  const unsized = readNodeClass(source, nodeClassManifest(shape, cluster) as unknown as JsonObject);
  const candidates = nodeDiskCandidates(
    plan.pools,
    shape.name,
    plan.jobEphemeralStorageMiB,
    nodeDisk,
  );
  return rootDiskSettings(unsized, candidates, nodeDisk);
}
