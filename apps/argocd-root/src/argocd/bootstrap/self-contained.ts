import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { argocdRuntimeSecrets, type RuntimeSecret } from '@platform/config';
import { isBuiltInGroup } from '@platform/converge';
import { syncWaveAnnotation } from '../self-management/sync-waves';

/** An object of the bootstrap directory, as parsed from its file. */
export interface BootstrapObject {
  file: string;
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
  [field: string]: any;
}

/** Annotations whose object only means something when a running Argo CD or Helm acts on it. */
const hookAnnotations = ['argocd.argoproj.io/hook', 'helm.sh/hook'];

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.split('/')[0]! : '');
const waveOf = (o: BootstrapObject) => Number(o.metadata.annotations?.[syncWaveAnnotation] ?? 0);
const label = (o: BootstrapObject) =>
  `${o.file} ${o.kind}/${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`;

/**
 * Why a directory could not be applied to an empty cluster with one `kubectl apply`, and then
 * work: namespaces it does not create, kinds without their CRD (or whose CRD comes in a later
 * wave), Argo CD custom resources and hooks (they need a running Argo CD), Secrets with data, and
 * references to ServiceAccounts, roles, ConfigMaps or Secrets it does not hold. Empty means
 * self-contained.
 */
export function selfContainmentProblems(
  objects: readonly BootstrapObject[],
  runtimeSecrets: readonly RuntimeSecret[] = argocdRuntimeSecrets,
): string[] {
  return [
    ...namespaceProblems(objects),
    ...kindProblems(objects),
    ...objects.flatMap((o) => argocdOnlyProblems(o)),
    ...objects.flatMap((o) => referenceProblems(o, objects, runtimeSecrets)),
  ];
}

function namespaceProblems(objects: readonly BootstrapObject[]): string[] {
  const namespaces = new Map(
    objects.filter((o) => o.kind === 'Namespace').map((o) => [o.metadata.name, waveOf(o)]),
  );
  return objects.flatMap((o) => {
    const namespace = o.metadata.namespace;
    if (namespace === undefined) return [];
    const wave = namespaces.get(namespace);
    if (wave === undefined) return [`${label(o)}: namespace ${namespace} is not created here`];
    if (wave >= waveOf(o)) return [`${label(o)}: its Namespace is not in an earlier sync wave`];
    return [];
  });
}

function kindProblems(objects: readonly BootstrapObject[]): string[] {
  const crds = new Map(
    objects
      .filter((o) => o.kind === 'CustomResourceDefinition')
      .map((o) => [`${o.spec?.group}/${o.spec?.names?.kind}`, waveOf(o)]),
  );
  return objects.flatMap((o) => {
    const group = groupOf(o.apiVersion);
    // API groups every cluster serves; anything else must come with its CRD.
    if (isBuiltInGroup(group)) return [];
    const crdWave = crds.get(`${group}/${o.kind}`);
    if (crdWave === undefined) return [`${label(o)}: no CRD here defines ${group}/${o.kind}`];
    if (crdWave >= waveOf(o)) return [`${label(o)}: its CRD is not in an earlier sync wave`];
    return [];
  });
}

function argocdOnlyProblems(o: BootstrapObject): string[] {
  const problems: string[] = [];
  if (groupOf(o.apiVersion) === 'argoproj.io') {
    problems.push(`${label(o)}: an Argo CD custom resource belongs to the root, not the bootstrap`);
  }
  for (const annotation of hookAnnotations) {
    if (o.metadata.annotations?.[annotation] !== undefined) {
      problems.push(`${label(o)}: ${annotation} needs a running Argo CD or Helm to mean anything`);
    }
  }
  if (
    o.kind === 'Secret' &&
    (Object.keys(o.data ?? {}).length || Object.keys(o.stringData ?? {}).length)
  ) {
    problems.push(`${label(o)}: a Secret with data`);
  }
  return problems;
}

function has(objects: readonly BootstrapObject[], kind: string, name: string, namespace?: string) {
  return objects.some(
    (o) => o.kind === kind && o.metadata.name === name && o.metadata.namespace === namespace,
  );
}

function referenceProblems(
  o: BootstrapObject,
  objects: readonly BootstrapObject[],
  runtimeSecrets: readonly RuntimeSecret[],
): string[] {
  const namespace = o.metadata.namespace;
  const missing = (kind: string, name: string, ns: string | undefined) =>
    has(objects, kind, name, ns)
      ? []
      : [`${label(o)}: references ${kind} ${name}, which is not here`];
  if (o.kind === 'RoleBinding' || o.kind === 'ClusterRoleBinding') {
    const roleRef = o.roleRef as { kind: string; name: string };
    return [
      ...missing(roleRef.kind, roleRef.name, roleRef.kind === 'Role' ? namespace : undefined),
      ...((o.subjects ?? []) as { kind: string; name: string; namespace?: string }[])
        .filter((s) => s.kind === 'ServiceAccount')
        .flatMap((s) => missing('ServiceAccount', s.name, s.namespace ?? namespace)),
    ];
  }
  const pod = o.spec?.template?.spec as IPodSpec | undefined;
  if (!pod) return [];
  const runtime = new Set(runtimeSecrets.map((s) => s.name));
  const secret = (name: string) => (runtime.has(name) ? [] : missing('Secret', name, namespace));
  return [
    // Without serviceAccountName a pod runs as `default`, which every namespace has.
    ...(pod.serviceAccountName ? missing('ServiceAccount', pod.serviceAccountName, namespace) : []),
    ...(pod.volumes ?? []).flatMap((v) => [
      ...(v.configMap && !v.configMap.optional
        ? missing('ConfigMap', v.configMap.name!, namespace)
        : []),
      ...(v.secret && !v.secret.optional ? secret(v.secret.secretName!) : []),
    ]),
    ...[...(pod.initContainers ?? []), ...pod.containers].flatMap((c) =>
      (c.env ?? []).flatMap((e) => {
        const ref = e.valueFrom;
        if (ref?.configMapKeyRef && !ref.configMapKeyRef.optional)
          return missing('ConfigMap', ref.configMapKeyRef.name!, namespace);
        if (ref?.secretKeyRef && !ref.secretKeyRef.optional) return secret(ref.secretKeyRef.name!);
        return [];
      }),
    ),
  ];
}
