import type { FieldChange } from '../fields/field-change';
import type { ResourceIdentity } from '../resources/rendered-resource';

/**
 * Fields the Kubernetes API server refuses to change in place. ArgoCD's sync of such a change
 * fails until the resource is deleted and created again (by hand, or with the `Replace=true` /
 * `Force=true` sync options): its pods restart, a PVC's data may be lost, a Service may get a new
 * IP. Prefixes are field names from the object root; list items are matched whatever their key.
 */
interface ImmutableFieldRule {
  group: string;
  kinds: readonly string[];
  fields: readonly string[];
  why: string;
}

const RULES: readonly ImmutableFieldRule[] = [
  {
    group: 'apps',
    kinds: ['Deployment', 'ReplicaSet', 'DaemonSet'],
    fields: ['spec.selector'],
    why: 'the label selector of a workload is immutable',
  },
  {
    group: 'apps',
    kinds: ['StatefulSet'],
    fields: [
      'spec.selector',
      'spec.serviceName',
      'spec.volumeClaimTemplates',
      'spec.podManagementPolicy',
    ],
    why: 'a StatefulSet only updates its template, replicas, ordinals, update strategy, retention policy and minReadySeconds',
  },
  {
    group: 'batch',
    kinds: ['Job'],
    fields: ['spec.selector', 'spec.template', 'spec.completionMode'],
    why: "a Job's pod template and selector are immutable",
  },
  {
    group: '',
    kinds: ['Service'],
    fields: ['spec.clusterIP', 'spec.clusterIPs'],
    why: 'a Service keeps its cluster IP for life',
  },
  {
    group: '',
    kinds: ['PersistentVolumeClaim'],
    fields: [
      'spec.storageClassName',
      'spec.accessModes',
      'spec.volumeMode',
      'spec.volumeName',
      'spec.selector',
      'spec.dataSource',
      'spec.dataSourceRef',
    ],
    why: 'a bound claim only grows its requested storage',
  },
  {
    group: '',
    kinds: ['PersistentVolume'],
    fields: ['spec.storageClassName', 'spec.volumeMode', 'spec.csi', 'spec.hostPath', 'spec.nfs'],
    why: "a volume's source is immutable",
  },
  {
    group: 'rbac.authorization.k8s.io',
    kinds: ['RoleBinding', 'ClusterRoleBinding'],
    fields: ['roleRef'],
    why: "a binding's roleRef is immutable",
  },
  {
    group: 'storage.k8s.io',
    kinds: ['StorageClass'],
    fields: ['provisioner', 'parameters', 'reclaimPolicy', 'volumeBindingMode'],
    why: 'a StorageClass is immutable apart from its metadata and allowed topologies',
  },
];

/** Names of the object-key segments of a path, dotted (list positions and keys dropped). */
function fieldNames(change: FieldChange): string {
  return change.path.filter((segment) => typeof segment === 'string').join('.');
}

/**
 * Why this change forces a delete-and-create, or undefined when the API server accepts it in
 * place. `before` is the base object: a ConfigMap or Secret marked `immutable: true` cannot have
 * its data changed.
 */
export function recreateReason(
  identity: ResourceIdentity,
  change: FieldChange,
  before: unknown,
): string | undefined {
  const names = fieldNames(change);
  if (
    identity.group === '' &&
    (identity.kind === 'ConfigMap' || identity.kind === 'Secret') &&
    (before as { immutable?: unknown }).immutable === true &&
    /^(data|binaryData|stringData)(\.|$)/.test(names)
  ) {
    return `the ${identity.kind} is marked immutable`;
  }
  for (const rule of RULES) {
    if (rule.group !== identity.group || !rule.kinds.includes(identity.kind)) continue;
    const field = rule.fields.find((prefix) => names === prefix || names.startsWith(`${prefix}.`));
    if (field) return `${field}: ${rule.why}`;
  }
  return undefined;
}
