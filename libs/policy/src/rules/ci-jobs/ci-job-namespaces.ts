import { namespaces } from '@platform/config';
import type { KubernetesResource } from '../../document/policy-document';

/** The namespaces the GitLab Runners start job pods in (libs/config). */
export const ciJobNamespaces: readonly string[] = [namespaces.ciJobs, namespaces.ciJobsPrivileged];

export function inCiJobNamespace(resource: KubernetesResource): boolean {
  return resource.namespace !== undefined && ciJobNamespaces.includes(resource.namespace);
}
