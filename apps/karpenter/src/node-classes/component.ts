import { namespaces } from '@platform/config';
import { defineComponent } from '@platform/core';
import { ciNodeClasses } from '../ci-nodes/ci-node-shapes';
import { nodeClassManifest } from '../ci-nodes/node-class-manifest';
import { renderTimePlan } from '../ci-nodes/peak-limits';
import { nodeClassRootDisk } from '../ci-nodes/root-disk';

/**
 * The EC2NodeClasses of the CI nodes: pinned AL2023 AMI, IMDSv2 with hop limit 1, encrypted gp3
 * root volume sized by the capacity plan for the job pods' ephemeral storage, node subnets and
 * security groups by tags from the inventory, kubelet settings that match the cluster's pod
 * networking.
 */
export default defineComponent({
  description: 'EC2NodeClasses of the CI nodes (AMI, subnets, security groups, disks, kubelet).',
  clusters: 'workload',
  namespace: namespaces.karpenter,
  // After the controller and its CRDs (-10), before the NodePools that reference them.
  syncWave: -9,
  resources: (chart, { cluster }) => {
    const plan = renderTimePlan(cluster);
    for (const shape of Object.values(ciNodeClasses))
      chart.add(nodeClassManifest(shape, cluster, nodeClassRootDisk(shape, cluster, plan)));
  },
});
