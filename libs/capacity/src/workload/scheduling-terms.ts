import type { NodeTaint } from '@platform/config';

/** The scheduling terms of a pod template that decide which nodes it may run on. */
export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: string;
}

export interface NodeSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt' | 'Gte' | 'Lte';
  values?: string[];
}

export interface PodPlacement {
  tolerations: Toleration[];
  nodeSelector: Record<string, string>;
  /** requiredDuringScheduling node affinity: terms are ORed, expressions in a term ANDed. */
  nodeAffinityTerms: NodeSelectorRequirement[][];
}

/** A node of a pool as the scheduler sees it: its labels and taints. */
export interface NodeShape {
  labels: Record<string, string>;
  taints: readonly NodeTaint[];
}

function tolerates(toleration: Toleration, taint: NodeTaint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.operator === 'Exists') return !toleration.key || toleration.key === taint.key;
  return toleration.key === taint.key && (toleration.value ?? '') === taint.value;
}

/** Whether one requirement holds for a node's labels (a missing label fails In/Exists/Gt/Lt). */
export function requirementHolds(
  requirement: NodeSelectorRequirement,
  labels: Record<string, string>,
): boolean {
  const value = labels[requirement.key];
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
    case 'Gt':
      return value !== undefined && Number(value) > Number(values[0]);
    case 'Lt':
      return value !== undefined && Number(value) < Number(values[0]);
    case 'Gte':
      return value !== undefined && Number(value) >= Number(values[0]);
    case 'Lte':
      return value !== undefined && Number(value) <= Number(values[0]);
  }
}

/** Whether a pod with this placement can run on the node (taints with NoSchedule/NoExecute). */
export function podFitsNode(placement: PodPlacement, node: NodeShape): boolean {
  const blocking = node.taints.filter((taint) => taint.effect !== 'PreferNoSchedule');
  if (!blocking.every((taint) => placement.tolerations.some((t) => tolerates(t, taint)))) {
    return false;
  }
  const selected = Object.entries(placement.nodeSelector).every(
    ([key, value]) => node.labels[key] === value,
  );
  const affine =
    placement.nodeAffinityTerms.length === 0 ||
    placement.nodeAffinityTerms.some((term) =>
      term.every((requirement) => requirementHolds(requirement, node.labels)),
    );
  return selected && affine;
}
