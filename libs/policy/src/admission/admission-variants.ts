import { stringify } from 'yaml';
import type { PolicyFile } from '../document/policy-document';
import type { JsonObject } from '../document/json-value';

/**
 * Pods that differ from a compliant one in exactly one field, so a pod-level verdict (the API
 * server admits or refuses the whole pod) pins down one control at a time. Each is paired with
 * the Namespace objects it is judged with.
 */
export interface PodVariant {
  name: string;
  pod: JsonObject;
  namespaces: PolicyFile[];
}

const resources = { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '128Mi' } };

function compliantPod(namespace: string): JsonObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'variant',
      namespace,
      annotations: { 'karpenter.sh/do-not-disrupt': 'true' },
    },
    spec: {
      automountServiceAccountToken: false,
      containers: [{ name: 'app', image: 'registry.example.com/app:1.0.0', resources }],
      initContainers: [{ name: 'init', image: 'registry.example.com/init:1.0.0', resources }],
    },
  };
}

function namespaceFile(name: string, annotations: Record<string, string>): PolicyFile {
  const namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name, annotations } };
  return {
    path: `rendered/ci/variants/namespaces/namespace-${name}.yaml`,
    content: stringify(namespace),
  };
}

type Change = (pod: { metadata: JsonObject; spec: JsonObject }) => void;

const container = (pod: { spec: JsonObject }) => (pod.spec.containers as JsonObject[])[0]!;
const init = (pod: { spec: JsonObject }) => (pod.spec.initContainers as JsonObject[])[0]!;

const images = [
  'nginx',
  'nginx:latest',
  'nginx:1.27.3',
  'nginx:',
  'nginx@',
  'nginx:latest@',
  'nginx:1.27@',
  'nginx@sha256:4c1e9fd2a7b8',
  'nginx:latest@sha256:4c1e9fd2a7b8',
  'registry.example.com:5000/shop/web',
  'registry.example.com:5000/shop/web:2.1',
  'registry.example.com:5000/shop/web:latest',
  'registry.example.com:5000/latest',
  'registry.example.com/a:b/c',
  'registry.example.com/shop/web:latest-debug',
  'registry.example.com/shop/web:1.0:latest',
  'a@b@c',
];

const changes: Record<string, Change> = {
  unchanged: () => {},
  ...Object.fromEntries(
    images.map((image) => [
      `container image ${image}`,
      (pod: { spec: JsonObject }) => {
        container(pod).image = image;
      },
    ]),
  ),
  'init container image nginx:latest': (pod) => void (init(pod).image = 'nginx:latest'),
  'ephemeral container image nginx': (pod) =>
    void (pod.spec.ephemeralContainers = [{ name: 'debug', image: 'nginx' }]),
  'ephemeral container without resources, pinned': (pod) =>
    void (pod.spec.ephemeralContainers = [{ name: 'debug', image: 'busybox:1.36' }]),
  'container without resources': (pod) => void delete container(pod).resources,
  'container with empty resources': (pod) => void (container(pod).resources = {}),
  'container without a CPU request': (pod) =>
    void (container(pod).resources = { requests: { memory: '1Gi' }, limits: { memory: '1Gi' } }),
  'init container without a memory limit': (pod) =>
    void (init(pod).resources = { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1' } }),
  'hostNetwork true': (pod) => void (pod.spec.hostNetwork = true),
  'hostNetwork false': (pod) => void (pod.spec.hostNetwork = false),
  'hostPID true': (pod) => void (pod.spec.hostPID = true),
  'hostIPC true': (pod) => void (pod.spec.hostIPC = true),
  'a hostPath volume': (pod) =>
    void (pod.spec.volumes = [{ name: 'logs', hostPath: { path: '/var/log' } }]),
  'an emptyDir volume': (pod) => void (pod.spec.volumes = [{ name: 'scratch', emptyDir: {} }]),
  'no do-not-disrupt annotation': (pod) => void (pod.metadata.annotations = {}),
  'no annotations at all': (pod) => void delete pod.metadata.annotations,
  'do-not-disrupt "false"': (pod) =>
    void (pod.metadata.annotations = { 'karpenter.sh/do-not-disrupt': 'false' }),
  'token automount left to the ServiceAccount': (pod) =>
    void delete pod.spec.automountServiceAccountToken,
  'token automount on': (pod) => void (pod.spec.automountServiceAccountToken = true),
};

/** Every change, in a platform namespace and in a CI job namespace, plain and exempted from `rule`. */
export function podVariants(rule: string): PodVariant[] {
  const variants: PodVariant[] = [];
  for (const [changeName, change] of Object.entries(changes)) {
    for (const namespace of ['shop', 'ci-jobs']) {
      const base = (exempt?: { rule: string; reason: string }) => {
        const pod = structuredClone(compliantPod(namespace)) as JsonObject & {
          metadata: JsonObject;
          spec: JsonObject;
        };
        change(pod);
        if (exempt) {
          pod.metadata.annotations = {
            ...(pod.metadata.annotations as Record<string, string> | undefined),
            [`policy.platform/exempt.${exempt.rule}`]: exempt.reason,
          };
        }
        return pod;
      };
      variants.push({ name: `${changeName} in ${namespace}`, pod: base(), namespaces: [] });
      variants.push(
        {
          name: `${changeName} in ${namespace}, exempted from ${rule} on the pod`,
          pod: base({ rule, reason: 'Tested exemption.' }),
          namespaces: [],
        },
        {
          name: `${changeName} in ${namespace}, with a blank ${rule} exemption`,
          pod: base({ rule, reason: '  ' }),
          namespaces: [],
        },
        {
          name: `${changeName} in ${namespace}, whose Namespace is exempt from ${rule}`,
          pod: base(),
          namespaces: [namespaceFile(namespace, { [`policy.platform/exempt.${rule}`]: 'Tested.' })],
        },
      );
    }
  }
  return variants;
}
