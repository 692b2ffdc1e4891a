import {
  groupOf,
  kindOf,
  nameOf,
  namespaceOf,
  versionOf,
  type KubeObject,
} from '../kube/kube-object';
import { isCrd } from '../sync-engine/sync-tasks';
import { isBuiltInGroup } from './api-resources';
import type { ClusterModel, LiveObject } from './cluster-model';
import { podBlockedBy, type RuntimeSecret } from './pod-prerequisites';
import { labelsMatch } from './service-endpoints';
import type { StatusWriters } from './status-writers';

/** What the world needs to know besides the cluster: run-time Secrets and who writes statuses. */
export interface WorldSettings {
  runtimeSecrets: readonly RuntimeSecret[];
  statusWritersOf: (group: string, plural: string) => StatusWriters;
  /** Kinds whose status the simulation itself writes (Argo CD's, on the management cluster). */
  ownStatus: (object: KubeObject) => boolean;
  /** Notes an assumption about the outside world, once. */
  assume: (text: string) => void;
}

const ready = (message: string) => [{ type: 'Ready', status: 'True', reason: 'Ready', message }];
const notReady = (message: string) => [
  { type: 'Ready', status: 'False', reason: 'NotReady', message },
];

/**
 * Lets everything outside Argo CD react to what is stored, until nothing changes: controllers
 * roll out workloads whose pods can start, the API server establishes CRDs, operators write the
 * status of their custom resources (when their own controller runs), External Secrets creates
 * the Secret of every ExternalSecret whose store is ready. Pods are assumed to pull their images,
 * be scheduled and pass their probes.
 */
export function settle(cluster: ClusterModel, settings: WorldSettings, step: number): boolean {
  let changedAny = false;
  for (let pass = 0; pass < 20; pass++) {
    let changed = false;
    for (const entry of cluster.objects()) {
      if (settings.ownStatus(entry.object)) continue;
      const status = entry.object.status;
      const before = JSON.stringify([status, entry.blockedBy]);
      react(cluster, entry, settings, step);
      // An equal status keeps its object, so what was computed from it stays valid.
      if (JSON.stringify([entry.object.status, entry.blockedBy]) !== before) changed = true;
      else if (status !== undefined) entry.object.status = status;
    }
    if (!changed) return changedAny;
    changedAny = true;
  }
  return changedAny;
}

function react(
  cluster: ClusterModel,
  entry: LiveObject,
  settings: WorldSettings,
  step: number,
): void {
  const object = entry.object;
  const kind = kindOf(object);
  if (isCrd(object)) {
    object.status = { conditions: [{ type: 'Established', status: 'True' }] };
    return;
  }
  if (
    ['Deployment', 'StatefulSet', 'DaemonSet'].includes(kind) &&
    groupOf(object.apiVersion) === 'apps'
  ) {
    entry.blockedBy = podBlockedBy(cluster, object, settings.runtimeSecrets);
    if (object.metadata?.generation !== 1) object.metadata = { ...object.metadata, generation: 1 };
    object.status = workloadStatus(kind, object, entry.blockedBy === undefined);
    return;
  }
  if (kind === 'Service' && object.spec?.type === 'LoadBalancer') {
    settings.assume('AWS gives every LoadBalancer Service an address');
    object.status = { loadBalancer: { ingress: [{ hostname: 'assumed.elb.amazonaws.com' }] } };
    return;
  }
  if (!isBuiltInGroup(groupOf(object.apiVersion)))
    customResourceStatus(cluster, entry, settings, step);
}

function workloadStatus(
  kind: string,
  object: KubeObject,
  available: boolean,
): Record<string, unknown> {
  const replicas = typeof object.spec?.replicas === 'number' ? object.spec.replicas : 1;
  const up = available ? replicas : 0;
  if (kind === 'Deployment')
    return {
      observedGeneration: 1,
      replicas,
      updatedReplicas: replicas,
      readyReplicas: up,
      availableReplicas: up,
    };
  if (kind === 'StatefulSet')
    return {
      observedGeneration: 1,
      replicas,
      readyReplicas: up,
      currentReplicas: up,
      updatedReplicas: replicas,
      currentRevision: 'r1',
      updateRevision: 'r1',
    };
  return {
    observedGeneration: 1,
    desiredNumberScheduled: 2,
    updatedNumberScheduled: 2,
    numberAvailable: available ? 2 : 0,
  };
}

/** Whether a workload identified `Kind/namespace/name` is stored and available. */
function available(cluster: ClusterModel, id: string): boolean {
  const [kind, namespace, name] = id.split('/');
  const entry = cluster.get('apps/v1', kind!, namespace!, name!);
  return entry !== undefined && entry.blockedBy === undefined;
}

function customResourceStatus(
  cluster: ClusterModel,
  entry: LiveObject,
  settings: WorldSettings,
  step: number,
): void {
  const object = entry.object;
  const served = cluster.served(object.apiVersion, kindOf(object));
  if (!served) return;
  const group = groupOf(object.apiVersion);
  const writers = settings.statusWritersOf(group, served.plural);
  if (writers.workloads.length === 0) {
    settings.assume(
      `the status of ${group} ${served.plural} is written by a controller outside rendered/`,
    );
  } else if (!writers.workloads.some((id) => available(cluster, id))) {
    delete object.status;
    entry.blockedBy = `no controller writes its status yet: ${writers.workloads.join(', ')} not available`;
    return;
  }
  const problem = dependencyProblem(cluster, object);
  entry.blockedBy = problem;
  object.status = { conditions: problem ? notReady(problem) : ready(`${kindOf(object)} is ready`) };
  if (!problem && kindOf(object) === 'ExternalSecret' && group === 'external-secrets.io')
    createTargetSecret(cluster, object, step);
}

/** What a custom resource of a kind this platform uses waits for, as its controller reports it. */
function dependencyProblem(cluster: ClusterModel, object: KubeObject): string | undefined {
  const group = groupOf(object.apiVersion);
  const kind = kindOf(object);
  if (group === 'external-secrets.io' && kind === 'ExternalSecret') {
    const ref = object.spec?.secretStoreRef ?? {};
    const storeKind = ref.kind ?? 'SecretStore';
    const store = cluster.get(
      `external-secrets.io/${versionOf(object.apiVersion)}`,
      storeKind,
      namespaceOf(object),
      ref.name ?? '',
    );
    if (!store) return `could not get ${storeKind} "${ref.name}": not found`;
    if (store.blockedBy || !store.object.status) return `${storeKind} "${ref.name}" is not ready`;
    if (
      storeKind === 'ClusterSecretStore' &&
      !storeServes(cluster, store.object, namespaceOf(object))
    )
      return `ClusterSecretStore "${ref.name}" does not serve namespace ${namespaceOf(object)} (its spec.conditions)`;
    return undefined;
  }
  if (
    group === 'external-secrets.io' &&
    (kind === 'ClusterSecretStore' || kind === 'SecretStore')
  ) {
    const account = object.spec?.provider?.aws?.auth?.jwt?.serviceAccountRef;
    if (
      account &&
      !cluster.get('v1', 'ServiceAccount', account.namespace ?? namespaceOf(object), account.name)
    )
      return `ServiceAccount ${account.namespace ?? namespaceOf(object)}/${account.name} does not exist`;
    return undefined;
  }
  if (group === 'karpenter.sh' && kind === 'NodePool') {
    const ref = object.spec?.template?.spec?.nodeClassRef ?? {};
    const nodeClass = cluster.get(
      `${ref.group ?? 'karpenter.k8s.aws'}/v1`,
      ref.kind ?? 'EC2NodeClass',
      '',
      ref.name ?? '',
    );
    if (!nodeClass || nodeClass.blockedBy)
      return `NodeClassReady=False: ${ref.kind} ${ref.name} is not ready`;
  }
  return undefined;
}

/** External Secrets writes the ExternalSecret's target Secret (creationPolicy Owner, the default). */
function createTargetSecret(cluster: ClusterModel, object: KubeObject, step: number): void {
  const target = object.spec?.target ?? {};
  if (target.creationPolicy === 'None' || target.creationPolicy === 'Merge') return;
  const name = target.name ?? nameOf(object);
  if (cluster.get('v1', 'Secret', namespaceOf(object), name)) return;
  cluster.store(
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name,
        namespace: namespaceOf(object),
        labels: target.template?.metadata?.labels ?? {},
      },
      type: target.template?.type ?? 'Opaque',
    },
    { by: `ExternalSecret ${namespaceOf(object)}/${nameOf(object)}`, step },
  );
}

/**
 * Whether a ClusterSecretStore serves a namespace (External Secrets, ClusterSecretStore
 * `spec.conditions`): no conditions serve every namespace; otherwise a condition must list the
 * namespace, match it with one of its regexes, or select it by its labels.
 */
function storeServes(cluster: ClusterModel, store: KubeObject, namespace: string): boolean {
  const conditions: any[] = store.spec?.conditions ?? [];
  if (conditions.length === 0) return true;
  const labels = cluster.get('v1', 'Namespace', '', namespace)?.object.metadata?.labels ?? {};
  return conditions.some(
    (condition) =>
      (condition.namespaces ?? []).includes(namespace) ||
      (condition.namespaceRegexes ?? []).some((pattern: string) =>
        new RegExp(pattern).test(namespace),
      ) ||
      (condition.namespaceSelector !== undefined &&
        labelsMatch(condition.namespaceSelector, labels)),
  );
}
