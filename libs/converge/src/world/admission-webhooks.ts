import { groupOf, kindOf, namespaceOf, versionOf, type KubeObject } from '../kube/kube-object';
import type { ServedKind } from './api-resources';
import type { ClusterModel } from './cluster-model';
import { hasReadyEndpoints, labelsMatch } from './service-endpoints';

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
      if (!service || hasReadyEndpoints(cluster, service.namespace, service.name)) continue;
      return `Internal error occurred: failed calling webhook "${webhook.name}": no endpoints available for service "${service.namespace}/${service.name}" (${kindOf(configuration)} ${configuration.metadata?.name}, failurePolicy Fail)`;
    }
  }
  return undefined;
}
