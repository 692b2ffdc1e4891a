import { groupOf, kindOf, namespaceOf, versionOf, type KubeObject } from '../kube/kube-object';
import type { ServedKind } from './api-resources';
import type { ClusterModel } from './cluster-model';

function labelsMatch(selector: any, labels: Record<string, string>): boolean {
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

function ruleMatches(rule: any, object: KubeObject, served: ServedKind): boolean {
  const any = (list: string[] | undefined, value: string) =>
    (list ?? []).some((v) => v === '*' || v === value);
  const scope = rule.scope ?? '*';
  return (
    any(rule.apiGroups, groupOf(object.apiVersion)) &&
    any(rule.apiVersions, versionOf(object.apiVersion)) &&
    any(rule.resources, served.plural) &&
    any(rule.operations, 'CREATE') &&
    (scope === '*' || (scope === 'Namespaced') === served.namespaced)
  );
}

/** Whether a Service has a ready endpoint: an available workload in its namespace it selects. */
function hasEndpoints(cluster: ClusterModel, namespace: string, name: string): boolean {
  const service = cluster.get('v1', 'Service', namespace, name);
  const selector = service?.object.spec?.selector;
  if (!service || !selector) return false;
  return cluster
    .objects()
    .some(
      (entry) =>
        ['Deployment', 'StatefulSet', 'DaemonSet'].includes(kindOf(entry.object)) &&
        namespaceOf(entry.object) === namespace &&
        entry.blockedBy === undefined &&
        entry.object.status !== undefined &&
        labelsMatch({ matchLabels: selector }, entry.object.spec?.template?.metadata?.labels ?? {}),
    );
}

/**
 * The API server's call to admission webhooks on a create: a webhook with failurePolicy Fail (the
 * v1 default) that intercepts the object and whose Service has no ready endpoint rejects it,
 * as the API server does when the call fails.
 */
export function webhookDenial(
  cluster: ClusterModel,
  object: KubeObject,
  served: ServedKind,
): string | undefined {
  const namespaceLabels = served.namespaced
    ? (cluster.get('v1', 'Namespace', '', namespaceOf(object))?.object.metadata?.labels ?? {})
    : {};
  const configurations = [
    ...cluster.objectsOfKind('admissionregistration.k8s.io', 'ValidatingWebhookConfiguration'),
    ...cluster.objectsOfKind('admissionregistration.k8s.io', 'MutatingWebhookConfiguration'),
  ];
  for (const entry of configurations) {
    const configuration = entry.object;
    for (const webhook of configuration.webhooks ?? []) {
      if ((webhook.failurePolicy ?? 'Fail') !== 'Fail') continue;
      if (!(webhook.rules ?? []).some((rule: any) => ruleMatches(rule, object, served))) continue;
      if (served.namespaced && !labelsMatch(webhook.namespaceSelector, namespaceLabels)) continue;
      if (!labelsMatch(webhook.objectSelector, object.metadata?.labels ?? {})) continue;
      const service = webhook.clientConfig?.service;
      if (!service || hasEndpoints(cluster, service.namespace, service.name)) continue;
      return `Internal error occurred: failed calling webhook "${webhook.name}": no endpoints available for service "${service.namespace}/${service.name}" (${kindOf(configuration)} ${configuration.metadata?.name}, failurePolicy Fail)`;
    }
  }
  return undefined;
}
