import type { IEC2NodeClass } from '@kubernetes-models/karpenter/karpenter.k8s.aws/v1/EC2NodeClass';
import type { IKubeletConfiguration } from '@kubernetes-models/karpenter/karpenter.k8s.aws/v1/KubeletConfiguration';
import {
  instanceTypeCatalog,
  kubeReservedMemoryMiB,
  networkMaxPods,
  selectableTypes,
} from '@platform/capacity';
import {
  inventoryFiles,
  karpenterDiscoveryTag,
  karpenterNodeRoleName,
  type ClusterSpec,
  type PodNetworkingSpec,
} from '@platform/config';
import { ciAmiAlias, nodePoolShapes, type NodeClassShape } from './ci-node-shapes';
import { nodePoolRequirements } from './node-pool-manifest';

export function podNetworkingOf(cluster: ClusterSpec): PodNetworkingSpec {
  if (!cluster.podNetworking) {
    throw new Error(
      `${inventoryFiles.cluster(cluster.name)}: cluster ${cluster.name} runs Karpenter node pools but sets no podNetworking`,
    );
  }
  return cluster.podNetworking;
}

/**
 * Kubelet settings that match the network mode. With prefix delegation Karpenter keeps the
 * ENI-limited pod count unless told, and nodeadm reserves memory for that count: both are set
 * for the most pods every type of the class can address (110 below 30 vCPU).
 */
export function nodeClassKubelet(
  shape: NodeClassShape,
  networking: PodNetworkingSpec,
  disk?: RootDisk,
): IKubeletConfiguration | undefined {
  const systemReserved = disk
    ? { systemReserved: { 'ephemeral-storage': `${disk.systemReservedGi}Gi` } }
    : {};
  if (networking.mode !== 'prefix-delegation') return disk ? systemReserved : undefined;
  const types = nodePoolShapes
    .filter((pool) => pool.nodeClass === shape.name)
    .flatMap((pool) =>
      selectableTypes({ requirements: nodePoolRequirements(pool) }, instanceTypeCatalog),
    );
  const maxPods = Math.min(...types.map((type) => networkMaxPods(type, networking)));
  return {
    maxPods,
    kubeReserved: { memory: `${kubeReservedMemoryMiB(maxPods)}Mi` },
    ...systemReserved,
  };
}

/** The root volume and the kubelet's reserve on it for images and the system (root-disk.ts). */
export interface RootDisk {
  volumeGi: number;
  systemReservedGi: number;
}

/** An EC2NodeClass; without `disk` (while the render-time plan sizes it) its root volume has no size. */
export function nodeClassManifest(
  shape: NodeClassShape,
  cluster: ClusterSpec,
  disk?: RootDisk,
): IEC2NodeClass {
  return {
    apiVersion: 'karpenter.k8s.aws/v1',
    kind: 'EC2NodeClass',
    metadata: { name: shape.name },
    spec: {
      role: karpenterNodeRoleName(cluster, shape.identity),
      amiSelectorTerms: [{ alias: ciAmiAlias }],
      subnetSelectorTerms: cluster.network.subnets
        .filter((subnet) => subnet.purpose === 'nodes')
        .map((subnet) => ({ tags: { Name: subnet.name } })),
      securityGroupSelectorTerms: [{ tags: karpenterDiscoveryTag(cluster, shape.identity) }],
      metadataOptions: {
        httpEndpoint: 'enabled',
        httpProtocolIPv6: 'disabled',
        httpPutResponseHopLimit: 1,
        httpTokens: 'required',
      },
      blockDeviceMappings: [
        {
          deviceName: '/dev/xvda',
          rootVolume: true,
          ebs: {
            ...(disk ? { volumeSize: `${disk.volumeGi}Gi` } : {}),
            volumeType: 'gp3',
            // gp3's baseline IOPS, twice its baseline throughput: image pulls are sequential.
            iops: 3000,
            throughput: 250,
            encrypted: true,
            deleteOnTermination: true,
          },
        },
      ],
      kubelet: nodeClassKubelet(shape, podNetworkingOf(cluster), disk),
    },
  };
}
