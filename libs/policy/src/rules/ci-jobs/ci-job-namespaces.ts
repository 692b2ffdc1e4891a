import { ciJobNamespaces } from '@platform/config';
import type { KubernetesResource } from '../../document/policy-document';

/** The namespaces the GitLab Runners start job pods in: every CI node pool's (libs/config). */
export { ciJobNamespaces };

export function inCiJobNamespace(resource: KubernetesResource): boolean {
  return resource.namespace !== undefined && ciJobNamespaces.includes(resource.namespace);
}
