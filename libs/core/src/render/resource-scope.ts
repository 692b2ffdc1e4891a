/**
 * Kinds that are cluster-scoped (no metadata.namespace). Everything else this repo renders is
 * namespaced; the render pipeline refuses a namespaced resource without a namespace.
 */
export const clusterScopedKinds: ReadonlySet<string> = new Set([
  'APIService',
  'ClusterRole',
  'ClusterRoleBinding',
  'ClusterExternalSecret',
  'ClusterSecretStore',
  'CSIDriver',
  'CustomResourceDefinition',
  'EC2NodeClass',
  'IngressClass',
  'MutatingWebhookConfiguration',
  'Namespace',
  'NodeClaim',
  'NodeOverlay',
  'NodePool',
  'PersistentVolume',
  'PriorityClass',
  'RuntimeClass',
  'StorageClass',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
]);
