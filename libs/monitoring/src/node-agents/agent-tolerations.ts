import type { CiNodePool } from '@platform/config';
import type { IToleration } from 'kubernetes-models/v1/Toleration';

/**
 * The tolerations a node agent needs to run on every node of these pools: one exact toleration
 * per distinct taint, derived from the pools Karpenter renders its NodePools from, never copied.
 * Exact (`Equal`) rather than a blanket `operator: Exists`, so a new taint is a reviewed change.
 */
export function nodeAgentTolerations(
  pools: readonly Pick<CiNodePool, 'name' | 'architecture' | 'taints'>[],
): IToleration[] {
  const seen = new Map<string, IToleration>();
  for (const pool of pools)
    for (const taint of pool.taints)
      seen.set(`${taint.key}=${taint.value}:${taint.effect}`, {
        key: taint.key,
        operator: 'Equal',
        value: taint.value,
        effect: taint.effect,
      });
  return [...seen.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, toleration]) => toleration);
}
