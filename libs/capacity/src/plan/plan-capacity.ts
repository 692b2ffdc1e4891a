import type {
  ClusterSpec,
  JobSizeClass,
  LoadProfile,
  PodNetworkingSpec,
  WarmHeadroom,
} from '@platform/config';
import { planCost, type CostPlan } from '../cost/cost-plan';
import type { CostInput } from '../cost/nodes-cost';
import { jobFootprints, poolBuffers } from '../peak/warm-headroom';
import type { PriceSource } from '../pricing/on-demand-prices';
import { addressesPerPrefix } from '../node/max-pods';
import type { InstanceTypeSpec } from '../catalog/instance-type';
import {
  subnetCapacity,
  zoneDemands,
  type AddressDemand,
  type ZoneDemand,
} from '../network/zone-demand';
import type { Resources } from '../node/node-allocatable';
import type { NodeClassSettings } from '../node/node-class-settings';
import type { NodePoolSettings } from '../peak/node-pool-settings';
import {
  mainSizeClass,
  peakJobsPerPool,
  type PeakLoadInput,
  type PoolAssignment,
} from '../peak/peak-jobs';
import type { TypeFit } from '../peak/type-fit';
import type { DaemonSetLoad } from '../workload/daemon-set-load';
import { jobPodEphemeralStorageMiB, jobPodRequests } from '../workload/job-pod';
import type { CapacityFinding } from './capacity-finding';
import { CapacityInputError } from './capacity-input-error';
import { kubeletFindings, zoneFindings } from './network-findings';
import { nodeClassSubnets } from './node-class-subnets';
import { catalogCoverageFindings, poolPeakFindings } from './pool-findings';
import { overlayFindings, overlaySummaries, type OverlaySummary } from './overlay-findings';
import type { NodeOverlaySettings } from '../manifests/read-node-overlay';
import { busiestPeak, planPool, type PoolPlan } from './pool-plan';
import {
  nodeDiskCandidates,
  planRootVolume,
  rootVolumeFindings,
  type NodeDiskInput,
  type RootVolumePlan,
} from './root-volume-plan';
import type { RunnerManagerLoad } from './runner-manager-load';

export interface CapacityPlanInput {
  cluster: ClusterSpec;
  /** The inventory file of the cluster, for findings about its network. */
  clusterFile: string;
  catalog: readonly InstanceTypeSpec[];
  sizeClasses: Readonly<Record<string, JobSizeClass>>;
  peak: PeakLoadInput;
  pools: PoolAssignment;
  nodePools: readonly NodePoolSettings[];
  nodeClasses: readonly NodeClassSettings[];
  daemonSets: readonly DaemonSetLoad[];
  runnerManagers: readonly RunnerManagerLoad[];
  vmMemoryOverheadPercent: number;
  maxMainClassWaste: number;
  /** NodePools whose nodes each run one job (libs/config `jobIsolation: one-job-per-node`). */
  oneJobPerNodePools: readonly string[];
  nodeDisk: NodeDiskInput;
  /** The week the cost figures price (libs/config ci-jobs load-profile.ts). */
  loadProfile: LoadProfile;
  /** The warm headroom each pool's CapacityBuffer holds in working hours. */
  headroom: WarmHeadroom;
  /** Where the catalog's prices come from. */
  priceSource: PriceSource;
  /** Multi-arch pools and the architecture each prefers. */
  preferredArchitectures?: Readonly<Record<string, 'amd64' | 'arm64'>>;
  /** Rendered NodeOverlays: each must match some NodePool's instance types. */
  nodeOverlays?: readonly NodeOverlaySettings[];
}

export interface CapacityPlan {
  cluster: string;
  networking: PodNetworkingSpec;
  peakJobs: number;
  mainSizeClass: string;
  jobRequests: Record<string, Resources>;
  /** Each size class's job pod ephemeral storage (MiB). */
  jobEphemeralStorageMiB: Record<string, number>;
  pools: PoolPlan[];
  /** Each EC2NodeClass's root volume against the busiest node of its pools. */
  rootVolumes: RootVolumePlan[];
  zones: ZoneDemand[];
  runnerManagers: { pods: number; concurrency?: number };
  /** What the pools cost at the peak, on an ordinary hour and for their buffers, per day. */
  cost: CostPlan;
  /** Each rendered NodeOverlay, its price change and how many pool instance types it matches. */
  overlays: OverlaySummary[];
  findings: CapacityFinding[];
}

export { CapacityInputError } from './capacity-input-error';

/** The whole plan: pools at the peak, the worst-zone address demand, and every finding. */
export function planCapacity(input: CapacityPlanInput): CapacityPlan {
  const networking = checkedNetworking(input);
  const findings: CapacityFinding[] = [];
  const jobRequests: Record<string, Resources> = Object.fromEntries(
    Object.entries(input.sizeClasses).map(([name, c]) => [name, jobPodRequests(c)]),
  );
  const jobEphemeralStorageMiB = Object.fromEntries(
    Object.entries(input.sizeClasses).map(([name, c]) => [name, jobPodEphemeralStorageMiB(c)]),
  );
  const mainClass = mainSizeClass(input.peak);
  const pools = planPools(input, networking, jobRequests, findings);
  findings.push(...overlayFindings(input.nodeOverlays ?? [], input.nodePools, input.catalog));
  for (const pool of pools) {
    findings.push(...poolPeakFindings(pool, jobRequests, mainClass, input.maxMainClassWaste));
  }
  const rootVolumes = input.nodeClasses.map((nodeClass) =>
    planRootVolume(
      nodeClass,
      nodeDiskCandidates(pools, nodeClass.name, jobEphemeralStorageMiB, input.nodeDisk),
    ),
  );
  for (const plan of rootVolumes) findings.push(...rootVolumeFindings(plan, input.nodeDisk));
  const runnerPods = input.runnerManagers.reduce((sum, r) => sum + r.replicas, 0);
  const zones = zoneDemands(
    input.cluster.network.subnets.filter((s) => s.purpose === 'nodes').map(subnetCapacity),
    addressDemands(pools, input.runnerManagers, input.cluster),
  );
  findings.push(...zoneFindings(zones));
  const concurrency = runnerConcurrency(input.runnerManagers);
  const peakJobs = input.peak.concurrentPipelines * input.peak.concurrentJobsPerPipeline;
  if (concurrency !== undefined && concurrency < peakJobs) {
    findings.push({
      severity: 'warning',
      subject: 'runner managers',
      message: `together run at most ${concurrency} jobs at once (concurrent × replicas); the peak has ${peakJobs}, so ${peakJobs - concurrency} would queue`,
    });
  }
  return {
    cluster: input.cluster.name,
    networking,
    peakJobs,
    mainSizeClass: mainClass,
    jobRequests,
    jobEphemeralStorageMiB,
    pools,
    rootVolumes,
    zones,
    runnerManagers: { pods: runnerPods, concurrency },
    overlays: overlaySummaries(input.nodeOverlays ?? [], input.nodePools, input.catalog),
    cost: planCost(pools, { ...costInput(input), jobRequests }),
    findings,
  };
}

function planPools(
  input: CapacityPlanInput,
  networking: PodNetworkingSpec,
  jobRequests: Record<string, Resources>,
  findings: CapacityFinding[],
): PoolPlan[] {
  const fitsByNodeClass = new Map<NodeClassSettings, Map<string, TypeFit>>();
  const buffers = poolBuffers(
    input.peak,
    input.pools,
    input.headroom.pipelines,
    jobFootprints(input.sizeClasses),
  );
  const plans = peakJobsPerPool(input.peak, input.pools).flatMap(({ pool: name, jobsByClass }) => {
    const pool = input.nodePools.find((p) => p.name === name);
    if (!pool) {
      findings.push({
        severity: 'error',
        subject: `NodePool ${name}`,
        message: `is not rendered for cluster ${input.cluster.name}, but the peak sends jobs to it`,
      });
      return [];
    }
    const nodeClass = input.nodeClasses.find((c) => c.name === pool.nodeClassName);
    if (!nodeClass) {
      findings.push({
        severity: 'error',
        subject: `NodePool ${name}`,
        file: pool.file,
        message: `spec.template.spec.nodeClassRef names EC2NodeClass "${pool.nodeClassName}", which is not rendered`,
      });
      return [];
    }
    findings.push(...catalogCoverageFindings(pool, input.catalog));
    const zones = [
      ...new Set(nodeClassSubnets(nodeClass, input.cluster, []).map((s) => s.availabilityZone)),
    ];
    const plan = planPool(
      pool,
      jobsByClass,
      {
        ...input,
        networking,
        nodeClass,
        jobRequests,
        zones,
        ...(input.oneJobPerNodePools.includes(name) ? { maxJobsPerNode: 1 } : {}),
      },
      // A one-job-per-node pool's node takes jobs only for a short window after it starts: nodes
      // kept warm there would expire and be replaced every window, so it has no headroom.
      input.oneJobPerNodePools.includes(name) ? undefined : buffers.find((b) => b.pool === name),
    );
    const fits = fitsByNodeClass.get(nodeClass) ?? new Map<string, TypeFit>();
    plan.fits.forEach((fit) => fits.set(fit.type.name, fit));
    fitsByNodeClass.set(nodeClass, fits);
    return [plan];
  });
  for (const nodeClass of input.nodeClasses) {
    nodeClassSubnets(nodeClass, input.cluster, findings);
    const fits = [...(fitsByNodeClass.get(nodeClass)?.values() ?? [])];
    findings.push(...kubeletFindings(nodeClass, fits, networking));
  }
  return plans;
}

/** The cluster's pod networking, required and with whole warm targets. */
function checkedNetworking(input: CapacityPlanInput): PodNetworkingSpec {
  const networking = input.cluster.podNetworking;
  if (!networking) {
    throw new CapacityInputError(
      `${input.clusterFile}: cluster ${input.cluster.name} has NodePools but no podNetworking (secondary-ips or prefix-delegation)`,
    );
  }
  const warm = Object.entries(networking).filter(([key]) => key !== 'mode');
  for (const [key, value] of warm) {
    if (!Number.isInteger(value) || (value as number) < 0) {
      throw new CapacityInputError(
        `${input.clusterFile}: cluster ${input.cluster.name}: podNetworking.${key} is ${String(value)}, not a whole number of at least 0`,
      );
    }
  }
  return networking;
}

/** The cost plan's inputs from the capacity plan's (the job requests come from the plan). */
function costInput(input: CapacityPlanInput): Omit<CostInput, 'jobRequests'> {
  return {
    clusterRegion: input.cluster.aws.region,
    prices: input.priceSource,
    profile: input.loadProfile,
    peak: input.peak,
    pools: input.pools,
    headroomPipelines: input.headroom.pipelines,
  };
}

function addressDemands(
  pools: readonly PoolPlan[],
  runnerManagers: readonly RunnerManagerLoad[],
  cluster: ClusterSpec,
): AddressDemand[] {
  const demands = pools.flatMap((pool): AddressDemand[] =>
    busiestPeak(pool) && pool.nodeAddresses
      ? [
          {
            consumer: `NodePool ${pool.name}`,
            zones: pool.zones,
            prefixes: busiestPeak(pool)!.nodes * pool.nodeAddresses.prefixes,
            addresses:
              busiestPeak(pool)!.nodes *
              (pool.nodeAddresses.addresses - addressesPerPrefix * pool.nodeAddresses.prefixes),
          },
        ]
      : [],
  );
  const runnerPods = runnerManagers
    .filter((r) => !r.hostNetwork)
    .reduce((sum, r) => sum + r.replicas, 0);
  if (runnerPods > 0) {
    const zones = cluster.network.subnets
      .filter((s) => s.purpose === 'nodes')
      .map((s) => s.availabilityZone);
    demands.push({ consumer: 'runner managers', zones, prefixes: 0, addresses: runnerPods });
  }
  return demands;
}

function runnerConcurrency(runnerManagers: readonly RunnerManagerLoad[]): number | undefined {
  const known = runnerManagers.filter((r) => r.concurrent !== undefined);
  if (known.length === 0) return undefined;
  return known.reduce((sum, r) => sum + (r.concurrent ?? 0) * r.replicas, 0);
}
