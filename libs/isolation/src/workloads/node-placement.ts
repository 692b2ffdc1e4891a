import { requirementHolds, type NodeSelectorRequirement } from '@platform/capacity';
import { tolerates, type Taint, type Toleration } from '@platform/monitoring';

export type { Taint as NodeTaint, Toleration } from '@platform/monitoring';

export interface NodeShape {
  /** Labels every node of the pool carries. */
  labels: Readonly<Record<string, string>>;
  /** Label keys whose value the caller knows for every node of the pool. */
  knownKeys: ReadonlySet<string>;
  taints: readonly Taint[];
}

/** Taints that keep pods off (`PreferNoSchedule` only steers). */
function blockingTaints(node: NodeShape): Taint[] {
  return node.taints.filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
}

export interface PlacementTerms {
  tolerations: readonly Toleration[];
  nodeSelector: Readonly<Record<string, string>>;
  /** Required node affinity: any term may hold; every expression of a term must. */
  requiredTerms: readonly (readonly SelectorRequirement[])[];
}

export interface SelectorRequirement {
  key: string;
  operator: string;
  values?: readonly string[];
}

/**
 * Whether a pod may land on a node: Kubernetes' taint/toleration rule and the required node
 * selection (nodeSelector, required node affinity). Node labels the caller does not know are
 * assumed to match (a zone, an instance type): the question asked is "can it land there", and
 * an unknown label must not hide a pod that can.
 */
export function mayLandOn(pod: PlacementTerms, node: NodeShape): boolean {
  const tolerated = blockingTaints(node).every((taint) =>
    pod.tolerations.some((toleration) => tolerates(toleration, taint)),
  );
  if (!tolerated) return false;
  const selected = Object.entries(pod.nodeSelector).every(
    ([key, value]) => !node.knownKeys.has(key) || node.labels[key] === value,
  );
  if (!selected) return false;
  if (pod.requiredTerms.length === 0) return true;
  return pod.requiredTerms.some((term) => term.every((r) => requirementMayHold(r, node)));
}

function requirementMayHold(requirement: SelectorRequirement, node: NodeShape): boolean {
  return (
    !node.knownKeys.has(requirement.key) ||
    requirementHolds(requirement as NodeSelectorRequirement, { ...node.labels })
  );
}

/** The placement terms of a Kubernetes pod spec. */
export function placementOfPodSpec(spec: Record<string, any>): PlacementTerms {
  const terms =
    spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
      ?.nodeSelectorTerms ?? [];
  return {
    tolerations: (spec.tolerations ?? []) as Toleration[],
    nodeSelector: (spec.nodeSelector ?? {}) as Record<string, string>,
    requiredTerms: (terms as { matchExpressions?: SelectorRequirement[] }[]).map(
      (term) => term.matchExpressions ?? [],
    ),
  };
}
