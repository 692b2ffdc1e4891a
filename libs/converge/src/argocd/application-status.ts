import { isWorse, type HealthStatus, type ResourceHealth } from '../health/health-status';
import { groupOf, kindOf, nameOf, namespaceOf, type KubeObject } from '../kube/kube-object';
import { isHook, isSkipped } from '../sync-engine/hooks';
import type { ClusterModel, LiveObject } from '../world/cluster-model';
import type { ApplicationRuntime } from './application-runtime';

/** The live copy of a target, with the Application's namespace for a namespaced object without one. */
export function liveOf(
  cluster: ClusterModel,
  target: KubeObject,
  destinationNamespace: string,
): LiveObject | undefined {
  const served = cluster.served(target.apiVersion, kindOf(target));
  if (!served) return undefined;
  const namespace = served.namespaced ? namespaceOf(target) || destinationNamespace : '';
  return cluster.get(target.apiVersion ?? '', kindOf(target), namespace, nameOf(target));
}

/**
 * What a diff compares: the object without status and server-set metadata. Memoised per object:
 * applies store new objects, and what changes in place later (status, generation) is left out.
 */
const comparableMemo = new WeakMap<KubeObject, string>();
function comparable(object: KubeObject, namespaced: boolean): string {
  let text = comparableMemo.get(object);
  if (text === undefined) {
    const metadata = { ...object.metadata, generation: undefined, namespace: undefined };
    text = JSON.stringify({ ...object, status: undefined, metadata });
    comparableMemo.set(object, text);
  }
  return namespaced ? `${object.metadata?.namespace ?? ''}\u0000${text}` : text;
}

/** controller/state.go, CompareAppState (sync status only): every target live and as in Git. */
export function syncStatusOf(
  app: ApplicationRuntime,
  cluster: ClusterModel,
  destinationNamespace: string,
): 'Synced' | 'OutOfSync' {
  for (const { object } of app.targets) {
    if (isSkipped(object) || isHook(object)) continue;
    const live = liveOf(cluster, object, destinationNamespace);
    const served = cluster.served(object.apiVersion, kindOf(object));
    if (!live || !served) return 'OutOfSync';
    if (live.origin.source === object) continue;
    const target =
      served.namespaced && !namespaceOf(object)
        ? { ...object, metadata: { ...object.metadata, namespace: destinationNamespace } }
        : object;
    if (comparable(live.object, served.namespaced) !== comparable(target, served.namespaced))
      return 'OutOfSync';
  }
  return 'Synced';
}

/**
 * controller/health.go, setApplicationHealth: the worst health of the live targets, leaving out
 * hooks, missing resources, the Application's own object (an app that manages itself) and child
 * Applications whose health is Missing or Unknown; Missing when nothing is live yet.
 */
export function applicationHealthOf(
  app: ApplicationRuntime,
  cluster: ClusterModel,
  destinationNamespace: string,
  health: ResourceHealth,
  argocdNamespace: string,
): HealthStatus {
  let status: HealthStatus['status'] = 'Healthy';
  let message: string | undefined;
  let containsResources = false;
  let containsLive = false;
  for (const { object } of app.targets) {
    if (isSkipped(object)) continue;
    const live = liveOf(cluster, object, destinationNamespace);
    if (live && isHook(live.object)) continue;
    containsResources = true;
    if (!live) continue;
    containsLive = true;
    if (live.object.metadata?.annotations?.['argocd.argoproj.io/ignore-healthcheck'] === 'true')
      continue;
    const isApplication =
      kindOf(object) === 'Application' && groupOf(object.apiVersion) === 'argoproj.io';
    if (
      isApplication &&
      nameOf(object) === app.name &&
      (namespaceOf(object) || destinationNamespace) === argocdNamespace
    )
      continue;
    const result = health(live.object);
    if (!result || result.status === '') continue;
    if (isApplication && (result.status === 'Missing' || result.status === 'Unknown')) continue;
    if (isWorse(status, result.status)) {
      status = result.status;
      message = result.message;
    }
  }
  if (containsResources && !containsLive && isWorse(status, 'Missing'))
    return { status: 'Missing' };
  return message ? { status, message } : { status };
}
