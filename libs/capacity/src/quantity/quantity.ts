/**
 * Kubernetes resource quantities as the planner counts them: CPU in millicores, memory in MiB.
 * Only the suffixes Kubernetes accepts; anything else is an error the caller locates.
 */
const QUANTITY = /^([0-9]+(?:\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+|[KMGTPE]i|[numkMGTPE])?$/;

const multipliers: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

export class QuantityError extends Error {}

/** The quantity's value in base units (cores, bytes). */
export function parseQuantity(value: string | number): number {
  if (typeof value === 'number') return value;
  const match = QUANTITY.exec(value.trim());
  if (!match) throw new QuantityError(`"${value}" is not a Kubernetes quantity`);
  const [, number = '', suffix = ''] = match;
  const multiplier = /^[eE]/.test(suffix) ? 10 ** Number(suffix.slice(1)) : multipliers[suffix];
  return Number(number) * (multiplier ?? 1);
}

/** CPU in millicores, rounded up as the scheduler does for sub-millicore values. */
export function cpuMillis(value: string | number): number {
  return Math.ceil(Math.round(parseQuantity(value) * 1e6) / 1e3);
}

/** Memory in MiB (fractions kept: 1G is 953.67 MiB). */
export function memoryMiB(value: string | number): number {
  return parseQuantity(value) / 2 ** 20;
}

export function formatCpu(millis: number): string {
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
}

export function formatMemory(mib: number): string {
  const rounded = Math.ceil(mib);
  return rounded % 1024 === 0 ? `${rounded / 1024}Gi` : `${rounded}Mi`;
}
