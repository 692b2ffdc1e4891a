import type { CapacityPlan } from '../plan/plan-capacity';
import { formatCapacityFinding } from '../plan/capacity-finding';
import { formatCpu, formatMemory } from '../quantity/quantity';
import { formatDisk, formatEviction } from '../plan/root-volume-plan';
import { formatCostReport, formatPreferenceReport } from './format-cost-report';
import { formatTable } from './text-table';

const percent = (share: number) => `${Math.round(share * 100)}%`;
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The terminal report: size classes, pools at the peak, types per pool, subnets, findings. */
export function formatCapacityReport(plan: CapacityPlan): string {
  const networking =
    plan.networking.mode === 'prefix-delegation'
      ? `prefix delegation, WARM_PREFIX_TARGET=${plan.networking.warmPrefixTarget}`
      : `secondary IPs, ${plan.networking.warmIpTarget !== undefined ? `WARM_IP_TARGET=${plan.networking.warmIpTarget}` : `WARM_ENI_TARGET=${plan.networking.warmEniTarget}`}`;
  const lines = [
    `capacity: cluster ${plan.cluster} (${networking}); peak ${plan.peakJobs} jobs, main size class ${plan.mainSizeClass}`,
    '',
    'Job size classes (build + helper + most services):',
    ...formatTable(
      ['class', 'cpu', 'memory'],
      Object.entries(plan.jobRequests).map(([c, r]) => [
        c,
        formatCpu(r.cpuMillis),
        formatMemory(r.memoryMiB),
      ]),
    ),
    '',
    'NodePools at the peak:',
    ...formatTable(
      ['pool', 'jobs', 'type', 'nodes', 'cpu used', 'mem used', 'capacity', 'limits', 'addr/node'],
      plan.pools.map((p) => [
        p.name,
        String(p.jobs),
        p.peak?.instanceType ?? '-',
        String(p.peak?.nodes ?? '-'),
        p.peak ? percent(p.peak.cpuUtilisation) : '-',
        p.peak ? percent(p.peak.memoryUtilisation) : '-',
        p.peak
          ? `${formatCpu(p.peak.capacity.cpuMillis)} / ${formatMemory(p.peak.capacity.memoryMiB)}`
          : '-',
        `${p.limits.cpuMillis !== undefined ? formatCpu(p.limits.cpuMillis) : 'none'} / ${p.limits.memoryMiB !== undefined ? formatMemory(p.limits.memoryMiB) : 'none'}`,
        String(p.nodeAddresses?.addresses ?? '-'),
      ]),
    ),
    ...plan.pools.flatMap((pool) => poolTypeLines(plan, pool)),
    '',
    ...warmHeadroomLines(plan),
    '',
    ...formatCostReport(plan.cost),
    '',
    ...formatPreferenceReport(plan.cost, plan.overlays),
    '',
    ...rootVolumeLines(plan),
    '',
    'Subnet addresses per zone (worst skew: every pool that may use a zone lands there):',
    ...formatTable(
      ['zone', 'subnets', 'free', 'peak needs', 'headroom', '/28 free', '/28 needed'],
      plan.zones.map((z) => [
        z.zone,
        z.subnets.map((s) => `${s.name} ${s.cidr}`).join(', '),
        String(z.freeAddresses),
        String(z.neededAddresses),
        String(z.freeAddresses - z.neededAddresses),
        String(z.freePrefixBlocks),
        String(z.neededPrefixBlocks),
      ]),
    ),
    '',
    ...(plan.findings.length === 0
      ? ['capacity: the peak fits (0 findings)']
      : [
          ...plan.findings.map(formatCapacityFinding),
          `capacity: ${count(plan.findings.filter((f) => f.severity === 'error').length, 'error')}, ${count(plan.findings.filter((f) => f.severity === 'warning').length, 'warning')}`,
        ]),
  ];
  return `${lines.join('\n')}\n`;
}

function poolTypeLines(plan: CapacityPlan, pool: CapacityPlan['pools'][number]): string[] {
  const classes = Object.keys(plan.jobRequests);
  return [
    '',
    `${pool.name}: per instance type (allocatable after kubelet reservations; jobs per node and unused CPU/memory share after DaemonSets):`,
    ...formatTable(
      ['type', 'alloc cpu', 'alloc mem', 'pods', 'daemonsets', ...classes],
      pool.fits.map((fit) => [
        fit.type.name,
        formatCpu(fit.node.allocatable.cpuMillis),
        formatMemory(fit.node.allocatable.memoryMiB),
        String(fit.node.pods),
        `${fit.daemonSets.pods}: ${formatCpu(fit.daemonSets.cpuMillis)} / ${formatMemory(fit.daemonSets.memoryMiB)}`,
        ...classes.map((c) => {
          const f = fit.classes.find((x) => x.sizeClass === c);
          return f
            ? `${f.podsPerNode} (${percent(f.unallocatedCpuShare)}/${percent(f.unallocatedMemoryShare)})`
            : '-';
        }),
      ]),
    ),
    `  best types: ${classes.map((c) => `${c}: ${(pool.bestTypesByClass[c] ?? []).join(', ') || 'none'}`).join('; ')}`,
  ];
}

function warmHeadroomLines(plan: CapacityPlan): string[] {
  const pipelines = plan.cost.pipelines.headroom;
  return [
    `Warm headroom (CapacityBuffer per pool: ${pipelines} pipeline burst(s) as chunks of the pool's most common size class, working hours only):`,
    ...formatTable(
      ['pool', 'burst jobs', 'chunk', 'chunks', 'keeps warm', 'peak + headroom', 'limits'],
      plan.pools.map((p) => {
        const b = p.buffer;
        const burst = b ? Object.values(b.burstJobsByClass).reduce((s, n) => s + n, 0) : 0;
        const request = b ? plan.jobRequests[b.sizeClass] : undefined;
        return [
          p.name,
          String(burst),
          b && request
            ? `${b.sizeClass} (${formatCpu(request.cpuMillis)} CPU, ${formatMemory(request.memoryMiB)})`
            : p.maxJobsPerNode !== undefined
              ? 'none: one job per node'
              : '-',
          String(b?.chunks ?? 0),
          b?.alone ? `${b.alone.nodes} × ${b.alone.instanceType}` : '0',
          b?.withPeak ? `${b.withPeak.nodes} × ${b.withPeak.instanceType}` : '-',
          `${p.limits.cpuMillis !== undefined ? formatCpu(p.limits.cpuMillis) : 'none'} / ${p.limits.memoryMiB !== undefined ? formatMemory(p.limits.memoryMiB) : 'none'}`,
        ];
      }),
    ),
  ];
}

function rootVolumeLines(plan: CapacityPlan): string[] {
  return [
    'Root volumes (the node that needs the most disk; job storage = its pods’ ephemeral-storage limits = requests):',
    ...formatTable(
      [
        'node class',
        'node',
        'jobs',
        'job storage',
        'images',
        'system',
        'reserved (kube + system)',
        'eviction',
        'needs',
        'volume',
      ],
      plan.rootVolumes.map((v) => [
        v.nodeClass,
        v.worst ? `${v.worst.pool} ${v.worst.instanceType}` : '-',
        v.worst ? `${v.worst.jobs} ${v.worst.sizeClass}` : '-',
        v.worst ? formatDisk(v.worst.load.jobStorageMiB) : '-',
        v.worst ? formatDisk(v.worst.load.imagesMiB) : '-',
        v.worst ? formatDisk(v.worst.load.systemMiB) : '-',
        `${formatDisk(v.reservations.kubeReservedMiB)} + ${formatDisk(v.reservations.systemReservedMiB)}`,
        `<${formatEviction(v.reservations)} free`,
        formatDisk(v.neededMiB),
        v.volume ? formatDisk(v.volume.sizeMiB) : 'none',
      ]),
    ),
  ];
}
