/**
 * API versions Kubernetes no longer serves, from the upstream "Deprecated API Migration Guide"
 * (kubernetes.io/docs/reference/using-api/deprecation-guide). The model package still ships
 * interfaces for some of them; they get no schema, and a manifest that uses one gets this message
 * instead of the advice to add a model.
 */
export interface RemovedApi {
  /** `extensions/v1beta1` */
  apiVersion: string;
  /** Kinds this entry covers; omitted = every kind of the API version. */
  kinds?: readonly string[];
  /** The Kubernetes minor release that stopped serving it, e.g. `1.22`. */
  removedIn: string;
  /** What to use instead: an apiVersion, or a sentence when there is no like-for-like successor. */
  replacement: string;
}

const v1 = (group: string) => `${group}/v1`;

export const removedApis: readonly RemovedApi[] = [
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['Ingress', 'IngressList'],
    removedIn: '1.22',
    replacement: 'networking.k8s.io/v1',
  },
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['NetworkPolicy', 'NetworkPolicyList'],
    removedIn: '1.16',
    replacement: 'networking.k8s.io/v1',
  },
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['PodSecurityPolicy', 'PodSecurityPolicyList'],
    removedIn: '1.16',
    replacement: 'policy/v1beta1 until 1.25, then none: use Pod Security Admission labels',
  },
  { apiVersion: 'extensions/v1beta1', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta1', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta2', removedIn: '1.16', replacement: 'apps/v1' },
  {
    apiVersion: 'admissionregistration.k8s.io/v1beta1',
    kinds: [
      'MutatingWebhookConfiguration',
      'MutatingWebhookConfigurationList',
      'ValidatingWebhookConfiguration',
      'ValidatingWebhookConfigurationList',
    ],
    removedIn: '1.22',
    replacement: v1('admissionregistration.k8s.io'),
  },
  {
    apiVersion: 'apiextensions.k8s.io/v1beta1',
    removedIn: '1.22',
    replacement: v1('apiextensions.k8s.io'),
  },
  {
    apiVersion: 'apiregistration.k8s.io/v1beta1',
    removedIn: '1.22',
    replacement: v1('apiregistration.k8s.io'),
  },
  {
    apiVersion: 'authentication.k8s.io/v1beta1',
    kinds: ['TokenReview'],
    removedIn: '1.22',
    replacement: v1('authentication.k8s.io'),
  },
  {
    apiVersion: 'authorization.k8s.io/v1beta1',
    removedIn: '1.22',
    replacement: v1('authorization.k8s.io'),
  },
  {
    apiVersion: 'certificates.k8s.io/v1beta1',
    kinds: ['CertificateSigningRequest', 'CertificateSigningRequestList'],
    removedIn: '1.22',
    replacement: v1('certificates.k8s.io'),
  },
  {
    apiVersion: 'coordination.k8s.io/v1beta1',
    kinds: ['Lease', 'LeaseList'],
    removedIn: '1.22',
    replacement: v1('coordination.k8s.io'),
  },
  {
    apiVersion: 'networking.k8s.io/v1beta1',
    kinds: ['Ingress', 'IngressList', 'IngressClass', 'IngressClassList'],
    removedIn: '1.22',
    replacement: v1('networking.k8s.io'),
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1beta1',
    removedIn: '1.22',
    replacement: v1('rbac.authorization.k8s.io'),
  },
  {
    apiVersion: 'scheduling.k8s.io/v1beta1',
    removedIn: '1.22',
    replacement: v1('scheduling.k8s.io'),
  },
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kinds: ['CSIStorageCapacity', 'CSIStorageCapacityList'],
    removedIn: '1.27',
    replacement: v1('storage.k8s.io'),
  },
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kinds: [
      'CSIDriver',
      'CSIDriverList',
      'CSINode',
      'CSINodeList',
      'StorageClass',
      'StorageClassList',
      'VolumeAttachment',
      'VolumeAttachmentList',
    ],
    removedIn: '1.22',
    replacement: v1('storage.k8s.io'),
  },
  { apiVersion: 'batch/v1beta1', removedIn: '1.25', replacement: 'batch/v1' },
  {
    apiVersion: 'discovery.k8s.io/v1beta1',
    removedIn: '1.25',
    replacement: v1('discovery.k8s.io'),
  },
  { apiVersion: 'events.k8s.io/v1beta1', removedIn: '1.25', replacement: v1('events.k8s.io') },
  { apiVersion: 'node.k8s.io/v1beta1', removedIn: '1.25', replacement: v1('node.k8s.io') },
  {
    apiVersion: 'policy/v1beta1',
    kinds: ['PodSecurityPolicy', 'PodSecurityPolicyList'],
    removedIn: '1.25',
    replacement: 'none: use Pod Security Admission labels on the Namespace',
  },
  {
    apiVersion: 'policy/v1beta1',
    kinds: ['PodDisruptionBudget', 'PodDisruptionBudgetList'],
    removedIn: '1.25',
    replacement: 'policy/v1',
  },
  { apiVersion: 'autoscaling/v2beta1', removedIn: '1.25', replacement: 'autoscaling/v2' },
  { apiVersion: 'autoscaling/v2beta2', removedIn: '1.26', replacement: 'autoscaling/v2' },
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1',
    removedIn: '1.26',
    replacement: v1('flowcontrol.apiserver.k8s.io'),
  },
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2',
    removedIn: '1.29',
    replacement: v1('flowcontrol.apiserver.k8s.io'),
  },
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3',
    removedIn: '1.32',
    replacement: v1('flowcontrol.apiserver.k8s.io'),
  },
];

/** The removal that covers this apiVersion and kind, if Kubernetes stopped serving it. */
export function findRemovedApi(apiVersion: string, kind: string): RemovedApi | undefined {
  return removedApis.find(
    (entry) => entry.apiVersion === apiVersion && (!entry.kinds || entry.kinds.includes(kind)),
  );
}

/** Whether Kubernetes serves no kind at all of this API version any more (every kind removed). */
export function isRemovedApiVersion(apiVersion: string): boolean {
  return removedApis.some((entry) => entry.apiVersion === apiVersion && !entry.kinds);
}

/** `extensions/v1beta1 Ingress was removed in Kubernetes 1.22: use networking.k8s.io/v1` */
export function removedApiMessage(removed: RemovedApi, kind: string): string {
  return `${removed.apiVersion} ${kind} is no longer served: Kubernetes ${removed.removedIn} removed it; use ${removed.replacement}`;
}
