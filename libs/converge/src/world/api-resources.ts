import type { KubeObject } from '../kube/kube-object';

/** API groups an EKS cluster serves before anything is installed. */
export const builtInGroups: ReadonlySet<string> = new Set([
  '',
  'apps',
  'batch',
  'policy',
  'autoscaling',
  'networking.k8s.io',
  'rbac.authorization.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'admissionregistration.k8s.io',
  'scheduling.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'storage.k8s.io',
  'node.k8s.io',
  'certificates.k8s.io',
  'flowcontrol.apiserver.k8s.io',
  'events.k8s.io',
  'resource.k8s.io',
]);

/** Built-in kinds that are cluster-scoped (everything else built in is namespaced). */
const clusterScopedBuiltIns: ReadonlySet<string> = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'APIService',
  'StorageClass',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'PriorityClass',
  'RuntimeClass',
  'IngressClass',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
  'CertificateSigningRequest',
  'FlowSchema',
  'PriorityLevelConfiguration',
  'DeviceClass',
]);

export const isBuiltInGroup = (group: string): boolean => builtInGroups.has(group);
export const isClusterScopedBuiltIn = (kind: string): boolean => clusterScopedBuiltIns.has(kind);

/** The resource name of a built-in kind, as webhook rules and RBAC name it (`deployments`). */
export function builtInPlural(kind: string): string {
  const lower = kind.toLowerCase();
  if (/(s|x|ch|sh)$/.test(lower)) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

/** A kind the cluster serves: its resource name and scope. */
export interface ServedKind {
  plural: string;
  namespaced: boolean;
}

/** What a CRD makes the API server serve, once it is established. */
export function servedByCrd(crd: KubeObject, version: string): ServedKind | undefined {
  const versions: any[] = crd.spec?.versions ?? [];
  if (!versions.some((v) => v?.name === version && v?.served !== false)) return undefined;
  return {
    plural: String(crd.spec?.names?.plural ?? ''),
    namespaced: crd.spec?.scope !== 'Cluster',
  };
}
