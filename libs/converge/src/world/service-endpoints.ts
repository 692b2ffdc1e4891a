import { namespaceOf } from '../kube/kube-object';
import type { ClusterModel } from './cluster-model';

/** A label selector (`matchLabels`, `matchExpressions`) against labels; none selects everything. */
export function labelsMatch(selector: any, labels: Record<string, string>): boolean {
  if (!selector) return true;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {}))
    if (labels[key] !== value) return false;
  for (const expression of selector.matchExpressions ?? []) {
    const has = expression.key in labels;
    const value = labels[expression.key];
    const values: string[] = expression.values ?? [];
    const ok =
      expression.operator === 'In'
        ? has && values.includes(value!)
        : expression.operator === 'NotIn'
          ? !has || !values.includes(value!)
          : expression.operator === 'Exists'
            ? has
            : !has;
    if (!ok) return false;
  }
  return true;
}

/**
 * Whether a Service has a ready endpoint: an available workload in its namespace whose pods it
 * selects (what webhooks and aggregated APIs are called through).
 */
export function hasReadyEndpoints(cluster: ClusterModel, namespace: string, name: string): boolean {
  const service = cluster.get('v1', 'Service', namespace, name);
  const selector = service?.object.spec?.selector;
  if (!service || !selector) return false;
  return ['Deployment', 'StatefulSet', 'DaemonSet'].some((kind) =>
    cluster
      .objectsOfKind('apps', kind)
      .some(
        (entry) =>
          namespaceOf(entry.object) === namespace &&
          entry.blockedBy === undefined &&
          entry.object.status !== undefined &&
          labelsMatch(
            { matchLabels: selector },
            entry.object.spec?.template?.metadata?.labels ?? {},
          ),
      ),
  );
}
