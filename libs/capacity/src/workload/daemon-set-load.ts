import type { Resources } from '../node/node-allocatable';
import { podFitsNode, type NodeShape, type PodPlacement } from './scheduling-terms';

/** One DaemonSet pod's footprint on every node it runs on. */
export interface DaemonSetLoad {
  /** `namespace/name` */
  name: string;
  /** `rendered/…` file, or what the data stands for (an EKS add-on). */
  source: string;
  /** Host-network pods take no pod address. */
  hostNetwork: boolean;
  requests: Resources;
  placement: PodPlacement;
}

export interface DaemonSetOverhead extends Resources {
  /** Pods per node (every DaemonSet pod counts against max pods). */
  pods: number;
  /** Of which need a pod address. */
  podNetworkPods: number;
  daemonSets: string[];
}

/**
 * EKS add-ons that run on every Linux node but are not rendered here (EKS manages them). Their
 * requests are the add-ons' defaults: aws-node (VPC CNI chart `resources.requests.cpu: 25m`)
 * and kube-proxy (EKS add-on, 100m). Both use the host network and tolerate every taint.
 * CoreDNS is a Deployment that tolerates only control-plane taints: it never lands on the
 * tainted CI pools, so it takes nothing from them.
 */
const tolerateEverything: PodPlacement = {
  tolerations: [{ operator: 'Exists' }],
  nodeSelector: {},
  nodeAffinityTerms: [],
};

export const eksAddOnDaemonSets: readonly DaemonSetLoad[] = [
  {
    name: 'kube-system/aws-node',
    source: 'EKS add-on vpc-cni',
    hostNetwork: true,
    requests: { cpuMillis: 25, memoryMiB: 0 },
    placement: tolerateEverything,
  },
  {
    name: 'kube-system/kube-proxy',
    source: 'EKS add-on kube-proxy',
    hostNetwork: true,
    requests: { cpuMillis: 100, memoryMiB: 0 },
    placement: tolerateEverything,
  },
];

/** What the DaemonSets that schedule onto a node take from it before any job. */
export function daemonSetOverhead(
  daemonSets: readonly DaemonSetLoad[],
  node: NodeShape,
): DaemonSetOverhead {
  const running = daemonSets.filter((ds) => podFitsNode(ds.placement, node));
  return {
    cpuMillis: running.reduce((sum, ds) => sum + ds.requests.cpuMillis, 0),
    memoryMiB: running.reduce((sum, ds) => sum + ds.requests.memoryMiB, 0),
    pods: running.length,
    podNetworkPods: running.filter((ds) => !ds.hostNetwork).length,
    daemonSets: running.map((ds) => ds.name),
  };
}
