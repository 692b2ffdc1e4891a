/**
 * Kubernetes quantities as numbers, only for the sums the runners need (quotas from size classes).
 * CPU in millicores, memory in bytes; the result is formatted back in the unit a reviewer reads.
 */
const memoryUnits: Record<string, number> = {
  '': 1,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
};

export function cpuMillicores(quantity: string): number {
  const match = /^(\d+(?:\.\d+)?)(m?)$/.exec(quantity);
  if (!match) throw new Error(`CPU quantity "${quantity}" is not of the form 500m or 2`);
  const value = Number(match[1]);
  return match[2] === 'm' ? value : value * 1000;
}

export function memoryBytes(quantity: string): number {
  const match = /^(\d+)(Ki|Mi|Gi|Ti)?$/.exec(quantity);
  if (!match) throw new Error(`memory quantity "${quantity}" is not of the form 512Mi or 2Gi`);
  return Number(match[1]) * memoryUnits[match[2] ?? '']!;
}

/** Whole cores rounded up: quotas are ceilings, a reviewer reads them in cores. */
export function formatCores(millicores: number): string {
  return String(Math.ceil(millicores / 1000));
}

/** Gi rounded up: quotas are ceilings, a reviewer reads them in Gi. */
export function formatMemoryGi(bytes: number): string {
  return `${Math.ceil(bytes / memoryUnits.Gi!)}Gi`;
}
