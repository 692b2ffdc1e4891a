import { performance } from 'node:perf_hooks';

export interface Timing {
  label: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

/** Runs `step` `runs` times (after `warmups` unmeasured runs) and reports the median. */
export async function medianTiming(
  label: string,
  runs: number,
  step: () => Promise<unknown> | unknown,
  warmups = 0,
): Promise<Timing> {
  for (let i = 0; i < warmups; i++) await step();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await step();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return {
    label,
    runs,
    medianMs: median(samples),
    minMs: samples[0]!,
    maxMs: samples[samples.length - 1]!,
  };
}

/** The median of some values (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function formatTiming(t: Timing): string {
  return `${t.label.padEnd(52)} median ${t.medianMs.toFixed(0).padStart(6)} ms  (min ${t.minMs.toFixed(0)}, max ${t.maxMs.toFixed(0)}, ${t.runs} runs)`;
}
