import {
  allCiNodePools,
  capacityTargets,
  ciNodePools,
  clusterPeakLoad,
  inventoryFiles,
  jobNodeDisk,
  jobSizeClasses,
  loadProfile,
  warmHeadroom,
  type ClusterSpec,
} from '@platform/config';
import { instanceTypeCatalog } from '../catalog/instance-catalog';
import { onDemandPriceSource } from '../pricing/on-demand-prices';
import { readRenderedInputs, type RenderedFile } from '../manifests/rendered-inputs';
import { defaultVmMemoryOverheadPercent } from '../node/kubelet-reservations';
import { memoryMiB } from '../quantity/quantity';
import { eksAddOnDaemonSets } from '../workload/daemon-set-load';
import { planCapacity, type CapacityPlan, type CapacityPlanInput } from './plan-capacity';

/**
 * The plan for one cluster from the shared facts in libs/config and what is rendered for it;
 * `overrides` lets a test or a what-if change one input. Undefined when the cluster has no
 * NodePools (nothing to plan).
 */
export function planClusterCapacity(
  cluster: ClusterSpec,
  files: readonly RenderedFile[],
  overrides: Partial<CapacityPlanInput> = {},
): CapacityPlan | undefined {
  const rendered = readRenderedInputs(files);
  if (rendered.nodePools.length === 0) return undefined;
  const ciPoolNames = new Set(allCiNodePools.map((pool) => pool.name));
  return planCapacity({
    ...sharedPlanInput(cluster),
    nodePools: rendered.nodePools.filter((pool) => ciPoolNames.has(pool.name)),
    nodeClasses: rendered.nodeClasses,
    daemonSets: [...eksAddOnDaemonSets, ...rendered.daemonSets],
    runnerManagers: rendered.runnerManagers,
    nodeOverlays: rendered.nodeOverlays,
    ...overrides,
  });
}

/** The plan's inputs that come from libs/config alone: the same at render time and at check time. */
export function sharedPlanInput(
  cluster: ClusterSpec,
): Omit<CapacityPlanInput, 'nodePools' | 'nodeClasses' | 'daemonSets' | 'runnerManagers'> {
  return {
    cluster,
    clusterFile: inventoryFiles.cluster(cluster.name),
    catalog: instanceTypeCatalog,
    sizeClasses: jobSizeClasses,
    // The multi-arch share only where a runner takes those jobs (the inventory's helper image).
    peak: clusterPeakLoad(cluster),
    pools: {
      ordinary: ciNodePools.ciJobs.name,
      arm64: ciNodePools.ciJobsArm64.name,
      privileged: ciNodePools.ciPrivileged.name,
      multiArch: ciNodePools.ciJobsMultiArch.name,
    },
    preferredArchitectures: Object.fromEntries(
      allCiNodePools.filter((p) => p.fallbackArchitecture).map((p) => [p.name, p.architecture]),
    ),
    vmMemoryOverheadPercent: defaultVmMemoryOverheadPercent,
    maxMainClassWaste: capacityTargets.maxMainClassWaste,
    oneJobPerNodePools: allCiNodePools
      .filter((pool) => pool.jobIsolation.mode === 'one-job-per-node')
      .map((pool) => pool.name),
    nodeDisk: {
      imagesPerJobMiB: memoryMiB(jobNodeDisk.imagesPerJob),
      systemMiB: memoryMiB(jobNodeDisk.system),
    },
    loadProfile,
    headroom: warmHeadroom,
    priceSource: onDemandPriceSource,
  };
}
