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
  const middle = Math.floor(samples.length / 2);
  const medianMs =
    samples.length % 2 ? samples[middle]! : (samples[middle - 1]! + samples[middle]!) / 2;
  return { label, runs, medianMs, minMs: samples[0]!, maxMs: samples[samples.length - 1]! };
}

export function formatTiming(t: Timing): string {
  return `${t.label.padEnd(52)} median ${t.medianMs.toFixed(0).padStart(6)} ms  (min ${t.minMs.toFixed(0)}, max ${t.maxMs.toFixed(0)}, ${t.runs} runs)`;
}
