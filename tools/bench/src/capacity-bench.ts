// Capacity benchmark: what the planner adds to `gitops check`. check already reads rendered/, so
// the added cost is planning every cluster from those files. Wall time on a shared machine mostly
// measures the neighbours, so CPU time (user + system of this process) is reported beside it.
// Run: npx tsx tools/bench/src/capacity-bench.ts (target: under 300 ms added).
import { performance } from 'node:perf_hooks';
import { planRenderedCapacity } from '@platform/capacity';
import { renderedCapacityFiles, repositoryRoot } from '@platform/gitops';

const runs = Number(process.env.BENCH_RUNS ?? 9);
const files = renderedCapacityFiles(repositoryRoot);

function measure(): { wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const plans = planRenderedCapacity(files);
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  if (plans.length === 0) throw new Error('no cluster with NodePools under rendered/');
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

// The first plan in a process pays for cold code (check runs it once); then warm runs.
const first = measure();
const warm = Array.from({ length: runs }, measure);
const row = (label: string, wallMs: number, cpuMs: number) =>
  `${label.padEnd(44)} wall ${wallMs.toFixed(0).padStart(5)} ms   cpu ${cpuMs.toFixed(0).padStart(5)} ms`;
console.log(`capacity plan of ${files.length} rendered files`);
console.log(row('first plan in the process', first.wallMs, first.cpuMs));
console.log(
  row(
    `warm, median of ${runs}`,
    median(warm.map((m) => m.wallMs)),
    median(warm.map((m) => m.cpuMs)),
  ),
);
console.log(
  `capacity adds ${first.cpuMs < 300 ? 'under' : 'OVER'} the 300 ms budget to gitops check (CPU time of the first plan)`,
);
