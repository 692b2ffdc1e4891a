import {
  groupOf,
  kindOf,
  nameOf,
  namespaceOf,
  objectLabel,
  type KubeObject,
} from '../kube/kube-object';
import type { ClusterResult, ServerResource, SyncCluster } from '../sync-engine/sync-options';
import type { SyncTask } from '../sync-engine/sync-task';
import type { ClusterModel } from '../world/cluster-model';
import { renderedSourceOf } from './application-targets';
import type { ApplicationRuntime, WaveRecord } from './application-runtime';
import { forcedObjectKey, type ControllerWorld } from './controller-world';

/**
 * The destination cluster as one Application's sync sees it (the SyncCluster the ported sync
 * engine calls): discovery, apply and delete on the cluster model, every apply noted in the
 * Application's wave records.
 */
export function syncClusterFor(
  app: ApplicationRuntime,
  cluster: ClusterModel,
  world: ControllerWorld,
  attempt: number,
): SyncCluster {
  const forced = (object: KubeObject) =>
    world.forcing.objects.has(
      forcedObjectKey(
        cluster.name,
        groupOf(object.apiVersion),
        kindOf(object),
        namespaceOf(object),
        nameOf(object),
      ),
    );
  return {
    serverResource(apiVersion, kind): ServerResource {
      const served = cluster.served(apiVersion, kind);
      if (served) return { found: true, namespaced: served.namespaced };
      const aggregated = cluster.aggregatedService(apiVersion);
      if (aggregated)
        return {
          found: false,
          notFound: false,
          message: `the server is currently unable to handle the request (${apiVersion}): Service ${aggregated.namespace}/${aggregated.name} has no ready endpoint`,
        };
      return {
        found: false,
        notFound: true,
        message: `no matches for kind "${kind}" in version "${apiVersion}"`,
      };
    },
    apply(task, dryRun): ClusterResult {
      if (dryRun) return { ok: true, message: '' };
      const object = task.targetObj!;
      const source = renderedSourceOf(app.targets, object);
      const record = waveRecord(app, cluster.name, task, attempt, world.step);
      record.objects.push({ label: objectLabel(object), file: source?.file });
      const origin = {
        by: `Application ${app.name}`,
        file: source?.file,
        step: world.step,
        source: source?.object,
      };
      const result = cluster.apply(object, origin);
      if (!result.ok && forced(object)) {
        cluster.store(object, origin);
        return { ok: true, message: 'assumed applied' };
      }
      if (!result.ok) record.failed = `${objectLabel(object)}: ${result.message}`;
      return result;
    },
    delete(task: SyncTask): ClusterResult {
      const object = task.obj();
      return cluster.delete(
        object.apiVersion ?? '',
        kindOf(object),
        namespaceOf(object),
        nameOf(object),
      );
    },
    get(task: SyncTask) {
      const object = task.obj();
      return cluster.get(
        object.apiVersion ?? '',
        kindOf(object),
        namespaceOf(object),
        nameOf(object),
      )?.object;
    },
  };
}

function waveRecord(
  app: ApplicationRuntime,
  cluster: string,
  task: SyncTask,
  attempt: number,
  step: number,
): WaveRecord {
  const last = app.waves[app.waves.length - 1];
  if (last && last.attempt === attempt && last.phase === task.phase && last.wave === task.wave())
    return last;
  if (last && last.doneAt === undefined && !last.failed) last.doneAt = step;
  const record: WaveRecord = {
    application: app.name,
    cluster,
    phase: task.phase,
    wave: task.wave(),
    attempt,
    appliedAt: step,
    objects: [],
  };
  app.waves.push(record);
  return record;
}
