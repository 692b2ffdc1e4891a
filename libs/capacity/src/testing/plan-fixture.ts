import type { ClusterSpec, JobSizeClass } from '@platform/config';
import { instanceTypeCatalog } from '../catalog/instance-catalog';
import { onDemandPriceSource } from '../pricing/on-demand-prices';
import type { NodeClassSettings } from '../node/node-class-settings';
import type { NodePoolSettings } from '../peak/node-pool-settings';
import type { PeakLoadInput } from '../peak/peak-jobs';
import type { CapacityPlanInput } from '../plan/plan-capacity';
import { eksAddOnDaemonSets } from '../workload/daemon-set-load';

/** A small, self-contained planning input: tests change one thing and watch the plan move. */
export function fixtureCluster(nodeSubnetPrefix = 18): ClusterSpec {
  const subnets = ['a', 'b', 'c'].map((zone, i) => ({
    name: `test-nodes-${zone}`,
    availabilityZone: `eu-west-1${zone}`,
    cidr: nodeSubnetPrefix === 18 ? `10.0.${i * 64}.0/18` : `10.0.${i}.0/${nodeSubnetPrefix}`,
    purpose: 'nodes' as const,
  }));
  return {
    name: 'test',
    role: 'workload',
    aws: { accountId: '123456789012', region: 'eu-west-1' },
    eks: {
      clusterName: 'test',
      endpoint: 'https://example.eks.amazonaws.com',
      certificateAuthorityData: 'eA==',
      kubernetesVersion: '1.33',
    },
    network: { vpcCidr: '10.0.0.0/16', serviceCidr: '172.20.0.0/16', subnets },
    podNetworking: { mode: 'prefix-delegation', warmPrefixTarget: 1 },
  };
}

export const fixtureSizeClasses: Record<string, JobSizeClass> = {
  small: {
    name: 'small',
    build: { cpu: '500m', memory: '1Gi', ephemeralStorage: '6Gi' },
    helper: { cpu: '100m', memory: '128Mi', ephemeralStorage: '1Gi' },
    service: { cpu: '250m', memory: '512Mi', ephemeralStorage: '2Gi' },
    maxServices: 1,
  },
  large: {
    name: 'large',
    build: { cpu: '2', memory: '6Gi', ephemeralStorage: '24Gi' },
    helper: { cpu: '200m', memory: '256Mi', ephemeralStorage: '2Gi' },
    service: { cpu: '1', memory: '2Gi', ephemeralStorage: '12Gi' },
    maxServices: 2,
  },
};

/**
 * Small jobs only, `pipelines × jobsPerPipeline` of them, all in the ordinary pool unless `shares`
 * send some elsewhere: a peak whose node counts a reader can work out by hand.
 */
export function smallJobsOnly(
  pipelines: number,
  jobsPerPipeline: number,
  shares: Partial<Pick<PeakLoadInput, 'privilegedShare' | 'arm64Share' | 'multiArchShare'>> = {},
): Pick<CapacityPlanInput, 'sizeClasses' | 'peak'> {
  return {
    sizeClasses: { small: fixtureSizeClasses.small! },
    peak: {
      concurrentPipelines: pipelines,
      concurrentJobsPerPipeline: jobsPerPipeline,
      sizeMix: { small: 1 },
      privilegedShare: 0,
      arm64Share: 0,
      ...shares,
    },
  };
}

export function fixturePool(
  name: string,
  architecture: 'amd64' | 'arm64',
  overrides: Partial<NodePoolSettings> = {},
): NodePoolSettings {
  const families = architecture === 'arm64' ? ['c7g', 'm7g', 'r7g'] : ['c6i', 'm6i', 'r6i'];
  return {
    name,
    file: `rendered/test/karpenter/node-pools/nodepool-${name}.yaml`,
    nodeClassName: 'test',
    requirements: [
      { key: 'kubernetes.io/arch', operator: 'In', values: [architecture] },
      { key: 'karpenter.k8s.aws/instance-family', operator: 'In', values: families },
      {
        key: 'karpenter.k8s.aws/instance-size',
        operator: 'In',
        values: ['2xlarge', '4xlarge', '8xlarge'],
      },
    ],
    taints: [{ key: 'ci/jobs', value: name, effect: 'NoSchedule' }],
    labels: {},
    limits: { cpuMillis: 10_000_000, memoryMiB: 100_000_000 },
    ...overrides,
  };
}

/**
 * A multi-arch pool of c6i.8xlarge and c7g.8xlarge that prefers Graviton, taking `multiArchShare`
 * of the ordinary jobs of `smallJobsOnly(pipelines, jobsPerPipeline)`; on an 8xlarge, small jobs
 * are bound by memory: 35 to a node on either type.
 */
export function multiArchFixtureInput(
  pipelines: number,
  jobsPerPipeline: number,
  multiArchShare: number,
): CapacityPlanInput {
  const multi = fixturePool('multi', 'amd64', {
    requirements: [
      { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64', 'arm64'] },
      {
        key: 'node.kubernetes.io/instance-type',
        operator: 'In',
        values: ['c6i.8xlarge', 'c7g.8xlarge'],
      },
    ],
  });
  return fixtureInput({
    ...smallJobsOnly(pipelines, jobsPerPipeline, { multiArchShare }),
    pools: { ordinary: 'jobs', arm64: 'jobs-arm64', privileged: 'privileged', multiArch: 'multi' },
    nodePools: [...fixtureInput().nodePools, multi],
    preferredArchitectures: { multi: 'arm64' },
  });
}

export const fixtureNodeClass: NodeClassSettings = {
  name: 'test',
  file: 'rendered/test/karpenter/node-classes/ec2nodeclass-test.yaml',
  amiFamily: 'al2023',
  kubelet: { maxPods: 110, kubeReservedMemoryMiB: 1465, systemReservedEphemeralMiB: 200 * 1024 },
  rootVolume: { path: 'spec.blockDeviceMappings[0].ebs.volumeSize', sizeMiB: 1000 * 1024 },
  subnetSelectorTerms: ['a', 'b', 'c'].map((zone) => ({ tags: { Name: `test-nodes-${zone}` } })),
};

export function fixtureInput(overrides: Partial<CapacityPlanInput> = {}): CapacityPlanInput {
  return {
    cluster: fixtureCluster(),
    clusterFile: 'libs/config/src/clusters/test.ts',
    catalog: instanceTypeCatalog,
    sizeClasses: fixtureSizeClasses,
    peak: {
      concurrentPipelines: 2,
      concurrentJobsPerPipeline: 50,
      sizeMix: { small: 0.8, large: 0.2 },
      privilegedShare: 0.1,
      arm64Share: 0.3,
    },
    pools: { ordinary: 'jobs', arm64: 'jobs-arm64', privileged: 'privileged' },
    nodePools: [
      fixturePool('jobs', 'amd64'),
      fixturePool('jobs-arm64', 'arm64'),
      fixturePool('privileged', 'amd64'),
    ],
    nodeClasses: [fixtureNodeClass],
    daemonSets: eksAddOnDaemonSets,
    runnerManagers: [],
    vmMemoryOverheadPercent: 0.075,
    maxMainClassWaste: 0.5,
    oneJobPerNodePools: [],
    nodeDisk: { imagesPerJobMiB: 3 * 1024, systemMiB: 10 * 1024 },
    loadProfile: {
      workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      workingHours: { start: 8, end: 18 },
      pipelinesPerHour: 3,
      pipelineMinutes: 20,
      peakShare: 0.2,
    },
    headroom: { pipelines: 0 },
    priceSource: onDemandPriceSource,
    ...overrides,
  };
}

/** A bare AL2023 EC2NodeClass with the kubelet settings a test gives (no subnets, no disk). */
export function al2023NodeClass(kubelet: NodeClassSettings['kubelet'] = {}): NodeClassSettings {
  return { name: 'test', file: 'test.yaml', amiFamily: 'al2023', kubelet, subnetSelectorTerms: [] };
}
