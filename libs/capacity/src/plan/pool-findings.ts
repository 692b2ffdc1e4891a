import type { InstanceTypeSpec } from '../catalog/instance-type';
import type { Resources } from '../node/node-allocatable';
import type { NodePoolSettings } from '../peak/node-pool-settings';
import { classWaste } from '../peak/type-fit';
import { formatCpu, formatMemory } from '../quantity/quantity';
import type { CapacityFinding } from './capacity-finding';
import { busiestPeak, type PoolPlan } from './pool-plan';

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * A NodePool must name its instance families or types with `In`, each known to the catalog;
 * otherwise Karpenter may launch a type whose limits the plan never saw.
 */
export function catalogCoverageFindings(
  pool: NodePoolSettings,
  catalog: readonly InstanceTypeSpec[],
): CapacityFinding[] {
  const keys = {
    'karpenter.k8s.aws/instance-family': new Set(catalog.map((t) => t.family)),
    'node.kubernetes.io/instance-type': new Set(catalog.map((t) => t.name)),
  } as const;
  const bounding = pool.requirements.filter((r) => r.operator === 'In' && r.key in keys);
  const unknown = bounding.flatMap((r) =>
    (r.values ?? []).filter((v) => !keys[r.key as keyof typeof keys].has(v)),
  );
  const subject = `NodePool ${pool.name}`;
  if (bounding.length === 0) {
    return [
      {
        severity: 'error',
        subject,
        file: pool.file,
        message:
          'requirements do not list its instance families (karpenter.k8s.aws/instance-family In …), so it may launch types the capacity catalog does not know',
      },
    ];
  }
  if (unknown.length > 0) {
    return [
      {
        severity: 'error',
        subject,
        file: pool.file,
        message: `requirements allow ${unknown.join(', ')}, which the capacity catalog (libs/capacity/src/catalog) does not know`,
      },
    ];
  }
  return [];
}

export function poolPeakFindings(
  plan: PoolPlan,
  jobRequests: Readonly<Record<string, Resources>>,
  mainClass: string,
  maxMainClassWaste: number,
): CapacityFinding[] {
  const subject = `NodePool ${plan.name}`;
  const at = { subject, file: plan.file };
  if (plan.fits.length === 0) {
    return [
      {
        severity: 'error',
        ...at,
        message: 'its requirements select no instance type of the capacity catalog',
      },
    ];
  }
  if (!plan.peak) {
    const tooBig = Object.entries(plan.jobsByClass)
      .filter(([c, n]) => n > 0 && plan.bestTypesByClass[c]?.length === 0)
      .map(([c]) => {
        const r = jobRequests[c];
        return r ? `${c} (${formatCpu(r.cpuMillis)} CPU, ${formatMemory(r.memoryMiB)})` : c;
      });
    return [
      {
        severity: 'error',
        ...at,
        message: `no instance type it may select holds one job of size class ${tooBig.join(', ')} after reservations and DaemonSets`,
      },
    ];
  }
  // A pool that gives each job a node of its own trades packing for isolation on purpose.
  if (plan.maxJobsPerNode !== undefined) return limitFindings(plan, at);
  return [...limitFindings(plan, at), ...wasteFindings(plan, mainClass, maxMainClassWaste, at)];
}

function limitFindings(plan: PoolPlan, at: { subject: string; file: string }): CapacityFinding[] {
  const { limits } = plan;
  const peak = busiestPeak(plan);
  if (!peak) return [];
  const shortCpu = limits.cpuMillis !== undefined ? peak.capacity.cpuMillis - limits.cpuMillis : 0;
  const shortMemory =
    limits.memoryMiB !== undefined ? peak.capacity.memoryMiB - limits.memoryMiB : 0;
  if (shortCpu <= 0 && shortMemory <= 0) return [];
  const short = [
    shortCpu > 0 ? `${formatCpu(shortCpu)} CPU` : '',
    shortMemory > 0 ? formatMemory(shortMemory) : '',
  ].filter(Boolean);
  const allow = [
    limits.cpuMillis !== undefined ? `cpu ${formatCpu(limits.cpuMillis)}` : '',
    limits.memoryMiB !== undefined ? `memory ${formatMemory(limits.memoryMiB)}` : '',
  ].filter(Boolean);
  return [
    {
      severity: 'error',
      ...at,
      message: `peak needs ${peak.nodes} × ${peak.instanceType} (${formatCpu(peak.capacity.cpuMillis)} CPU, ${formatMemory(peak.capacity.memoryMiB)}) for ${plan.jobs} jobs${plan.buffer?.withPeak ? ` and ${plan.buffer.chunks} warm-headroom chunks (CapacityBuffer)` : ''}; spec.limits allow ${allow.join(', ')} (short by ${short.join(' and ')})`,
    },
  ];
}

function wasteFindings(
  plan: PoolPlan,
  mainClass: string,
  maxWaste: number,
  at: { subject: string; file: string },
): CapacityFinding[] {
  const fit = plan.fits.find((f) => f.type.name === plan.peak?.instanceType);
  const classFit = fit?.classes.find((c) => c.sizeClass === mainClass);
  if (!fit || !classFit || (plan.jobsByClass[mainClass] ?? 0) === 0) return [];
  const waste = classWaste(classFit);
  if (waste <= maxWaste) return [];
  return [
    {
      severity: 'error',
      ...at,
      message: `${mainClass} jobs (the main size class) leave ${percent(classFit.unallocatedCpuShare)} of the CPU and ${percent(classFit.unallocatedMemoryShare)} of the memory of a ${fit.type.name} unallocated (${classFit.podsPerNode} per node); the target is at most ${percent(maxWaste)}`,
    },
  ];
}
