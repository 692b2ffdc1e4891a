/**
 * Whether a pod may land on a node: Kubernetes' taint/toleration rule and the required node
 * selection (nodeSelector, required node affinity). Node labels the caller does not know are
 * assumed to match (a zone, an instance type): the question asked is "can it land there", and
 * an unknown label must not hide a pod that can.
 */
export interface NodeTaint {
  key: string;
  value?: string;
  effect: string;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}

export interface NodeShape {
  /** Labels every node of the pool carries. */
  labels: Readonly<Record<string, string>>;
  /** Label keys whose value the caller knows for every node of the pool. */
  knownKeys: ReadonlySet<string>;
  taints: readonly NodeTaint[];
}

export function tolerates(toleration: Toleration, taint: NodeTaint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (!toleration.key) return toleration.operator === 'Exists';
  if (toleration.key !== taint.key) return false;
  if (toleration.operator === 'Exists') return true;
  return (toleration.value ?? '') === (taint.value ?? '');
}

/** Taints that keep pods off (`PreferNoSchedule` only steers). */
function blockingTaints(node: NodeShape): NodeTaint[] {
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
  if (!node.knownKeys.has(requirement.key)) return true;
  const value = node.labels[requirement.key];
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    default:
      return true;
  }
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
