import type { HealthStatus } from '../health/health-status';
import { groupOf, kindOf, type KubeObject } from '../kube/kube-object';
import { isHook } from '../sync-engine/hooks';
import {
  syncOptionCreateNamespace,
  syncOptionPruneLast,
  syncOptionSkipDryRunOnMissingResource,
} from '../sync-engine/sync-common';
import { SyncContext } from '../sync-engine/sync-context';
import type { ClusterModel } from '../world/cluster-model';
import {
  isDestinationPermitted,
  isSourcePermitted,
  syncPermissionError,
} from './app-project-permissions';
import { applicationTargets, sourcesOf } from './application-targets';
import type { ApplicationCondition, ApplicationRuntime } from './application-runtime';
import { applicationHealthOf, liveOf, syncStatusOf } from './application-status';
import {
  argocdObjects,
  credentialProblem,
  inClusterName,
  registeredClusters,
  workloadRole,
} from './argocd-instance';
import type { ControllerWorld } from './controller-world';
import { syncClusterFor } from './sync-cluster-adapter';

/** Where an Application deploys: the cluster model and the destination the project checks. */
interface Destination {
  cluster: ClusterModel;
  name: string;
  server: string;
  namespace: string;
}

/**
 * One reconciliation of one Application by the application controller
 * (controller/appcontroller.go, processAppRefreshQueueItem then processRequestedAppOperation):
 * conditions, comparison, auto-sync, one step of the sync operation, the status it writes back.
 */
export function reconcileApplication(
  world: ControllerWorld,
  app: ApplicationRuntime,
  object: KubeObject,
): void {
  app.targets = applicationTargets(object, world.objectsByDirectory);
  const project = world.management.get(
    'argoproj.io/v1alpha1',
    'AppProject',
    world.argocdNamespace,
    object.spec?.project ?? '',
  )?.object;
  const resolved = resolveDestination(world, app, object, project);
  if ('rule' in resolved) {
    app.condition = resolved;
    app.sync = 'Unknown';
    app.health = { status: 'Unknown' };
    return writeStatus(world, app);
  }
  app.condition = undefined;
  app.cluster = resolved.cluster.name;
  compare(world, app, resolved);
  autoSync(world, app, object, resolved, project);
  if (app.operation && app.operation.finishedAt === undefined) {
    stepOperation(world, app, resolved);
    compare(world, app, resolved);
  }
  writeStatus(world, app);
}

/**
 * controller/appcontroller.go, refreshAppConditions (argo.ValidatePermissions and
 * GetDestinationCluster): the project exists and permits the source and destination, the
 * destination cluster is registered, and (controller/cache, the cluster connection) Argo CD has
 * credentials for it.
 */
function resolveDestination(
  world: ControllerWorld,
  app: ApplicationRuntime,
  object: KubeObject,
  project: KubeObject | undefined,
): Destination | ApplicationCondition {
  const spec = object.spec ?? {};
  const forced =
    world.forcing.applications.has(app.name) || world.forcing.projects.has(spec.project ?? '');
  const destination = spec.destination ?? {};
  const name = destination.name ?? '';
  if (!project && !forced)
    return {
      rule: 'app-project-missing',
      message: `Application referencing project ${spec.project} which does not exist`,
    };
  if (project && !forced) {
    for (const source of sourcesOf(object))
      if (!isSourcePermitted(project, source.repoURL ?? ''))
        return {
          rule: 'app-project-source',
          message: `application repo ${source.repoURL} is not permitted in project '${spec.project}'`,
        };
  }
  const registration = registeredClusters(world.management, world.argocdNamespace).find(
    (r) => r.name === name || r.server === destination.server,
  );
  const inCluster =
    name === inClusterName || destination.server === 'https://kubernetes.default.svc';
  const spec0 = inCluster
    ? world.clusterSpecs.find((c) => c.role === 'management')
    : world.clusterSpecs.find((c) => c.destinationName === (registration?.name ?? name));
  if ((!inCluster && !registration) || !spec0) {
    if (!forced || !spec0)
      return {
        rule: 'cluster-not-registered',
        message: `there are no clusters with this name: ${name || destination.server}`,
      };
  }
  const server = inCluster
    ? 'https://kubernetes.default.svc'
    : (registration?.server ?? destination.server ?? '');
  const namespace = destination.namespace ?? '';
  if (
    project &&
    !forced &&
    !isDestinationPermitted(project, { name: inCluster ? inClusterName : name, server }, namespace)
  )
    return {
      rule: 'app-project-destination',
      message: `application destination server '${server}' and namespace '${namespace}' do not match any of the allowed destinations in project '${spec.project}'`,
    };
  if (!inCluster && registration && !world.forcing.credentials.has(spec0!.name)) {
    const role = workloadRole(
      world.management,
      world.argocdNamespace,
      argocdObjects.controller,
      world.podIdentityAssociations,
    );
    const problem = credentialProblem(registration, spec0!, role, world.argocdNamespace);
    if (problem)
      return {
        rule: 'cluster-credentials',
        message: `failed to get cluster info for "${server}": ${problem}`,
      };
  }
  return {
    cluster: world.clusters.get(spec0!.name)!,
    name: inCluster ? inClusterName : name,
    server,
    namespace,
  };
}

function compare(world: ControllerWorld, app: ApplicationRuntime, destination: Destination): void {
  app.sync = syncStatusOf(app, destination.cluster, destination.namespace);
  app.health = applicationHealthOf(
    app,
    destination.cluster,
    destination.namespace,
    world.health,
    world.argocdNamespace,
  );
}

const syncOptionsOf = (object: KubeObject): string[] => object.spec?.syncPolicy?.syncOptions ?? [];

/**
 * appcontroller.go, autoSync: an OutOfSync Application with automated sync gets an operation,
 * unless one is running, or the last one to this revision failed (it is not retried until a new
 * commit), or a self-heal already ran and failed.
 */
function autoSync(
  world: ControllerWorld,
  app: ApplicationRuntime,
  object: KubeObject,
  destination: Destination,
  project: KubeObject | undefined,
): void {
  const automated = object.spec?.syncPolicy?.automated;
  if (!automated || app.sync !== 'OutOfSync') return;
  const previous = app.operation;
  if (previous && previous.finishedAt === undefined) return;
  if (previous && previous.phase !== 'Succeeded') return;
  if (previous) {
    if (!automated.selfHeal || app.selfHealAttempts >= 3) return;
    app.selfHealAttempts++;
  }
  app.operation = {
    context: newSyncContext(
      world,
      app,
      object,
      destination,
      project,
      previous ? previous.attempt + 1 : 1,
    ),
    phase: 'Running',
    message: '',
    retryCount: 0,
    attempt: previous ? previous.attempt + 1 : 1,
    startedAt: world.step,
  };
}

/** controller/sync.go, SyncAppState: the sync context with the Application's options. */
function newSyncContext(
  world: ControllerWorld,
  app: ApplicationRuntime,
  object: KubeObject,
  destination: Destination,
  project: KubeObject | undefined,
  attempt: number,
): SyncContext {
  const options = syncOptionsOf(object);
  const forced =
    world.forcing.applications.has(app.name) ||
    world.forcing.projects.has(object.spec?.project ?? '');
  return new SyncContext(syncClusterFor(app, destination.cluster, world, attempt), {
    namespace: destination.namespace,
    revision: 'HEAD',
    prune: Boolean(object.spec?.syncPolicy?.automated?.prune),
    pruneLast: options.includes(syncOptionPruneLast),
    skipDryRunOnMissingResource: options.includes(syncOptionSkipDryRunOnMissingResource),
    defaultPruneOption: options.find((o) => o.startsWith('Prune='))?.slice('Prune='.length),
    health: world.health,
    permissionValidator: (target, namespaced) =>
      project && !forced
        ? syncPermissionError(project, destination, target, groupOf(target.apiVersion), namespaced)
        : undefined,
    ...(options.includes(syncOptionCreateNamespace)
      ? {
          namespaceModifier: (_managed: KubeObject, live: KubeObject | undefined) =>
            live === undefined,
          liveNamespace: (name: string) =>
            destination.cluster.get('v1', 'Namespace', '', name)?.object,
        }
      : {}),
  });
}

/** The retry strategy of an operation (appcontroller.go: limit 5 unless the spec sets one). */
function retryOf(object: KubeObject): { limit: number; backoffSteps: (retry: number) => number } {
  const retry = object.spec?.syncPolicy?.retry ?? {};
  const seconds = (text: string | undefined, fallback: number) => {
    const match = /^(\d+)(s|m|h)?$/.exec(text ?? '');
    return match
      ? Number(match[1]) * (match[2] === 'm' ? 60 : match[2] === 'h' ? 3600 : 1)
      : fallback;
  };
  const duration = seconds(retry.backoff?.duration, 5);
  const factor = Number(retry.backoff?.factor ?? 2);
  const max = seconds(retry.backoff?.maxDuration, 180);
  // One simulation step stands for one reconciliation, about five seconds.
  return {
    limit: typeof retry.limit === 'number' ? retry.limit : 5,
    backoffSteps: (n) => Math.max(1, Math.round(Math.min(duration * factor ** n, max) / 5)),
  };
}

/** One step of the operation, and its retries (appcontroller.go, processRequestedAppOperation). */
function stepOperation(
  world: ControllerWorld,
  app: ApplicationRuntime,
  destination: Destination,
): void {
  const operation = app.operation!;
  const object = world.management.get(
    'argoproj.io/v1alpha1',
    'Application',
    world.argocdNamespace,
    app.name,
  )!.object;
  if (operation.retryAt !== undefined) {
    if (world.step < operation.retryAt) return;
    const project = world.management.get(
      'argoproj.io/v1alpha1',
      'AppProject',
      world.argocdNamespace,
      object.spec?.project ?? '',
    )?.object;
    operation.retryAt = undefined;
    operation.attempt++;
    operation.context = newSyncContext(world, app, object, destination, project, operation.attempt);
  }
  const context = operation.context;
  context.setResources(
    app.targets
      .filter((t) => !isHook(t.object))
      .map((t) => ({
        target: t.object,
        live: liveOf(destination.cluster, t.object, destination.namespace)?.object,
      })),
  );
  context.hooks = app.targets.filter((t) => isHook(t.object)).map((t) => t.object);
  context.sync();
  operation.phase = context.phase;
  operation.message = context.message;
  noteWaiting(app, context.message);
  if (context.phase === 'Succeeded') return finish(app, world.step);
  if (context.phase !== 'Failed' && context.phase !== 'Error') return;
  const retry = retryOf(object);
  if (operation.retryCount < retry.limit) {
    operation.retryAt = world.step + retry.backoffSteps(operation.retryCount);
    operation.retryCount++;
    operation.phase = 'Running';
    operation.message = `${context.message}. Retrying attempt #${operation.retryCount}`;
    return;
  }
  operation.message = `${context.message} (retried ${operation.retryCount} times).`;
  finish(app, world.step);
}

function noteWaiting(app: ApplicationRuntime, message: string): void {
  const last = app.waves[app.waves.length - 1];
  if (last && last.doneAt === undefined && message.startsWith('waiting for'))
    last.waitedFor = message;
}

function finish(app: ApplicationRuntime, step: number): void {
  app.operation!.finishedAt = step;
  const last = app.waves[app.waves.length - 1];
  if (last && last.doneAt === undefined && !last.failed && app.operation!.phase === 'Succeeded')
    last.doneAt = step;
}

/** The status the controller writes to the live Application, which parents' health checks read. */
function writeStatus(world: ControllerWorld, app: ApplicationRuntime): void {
  const entry = world.management.get(
    'argoproj.io/v1alpha1',
    'Application',
    world.argocdNamespace,
    app.name,
  );
  if (!entry) return;
  const operation = app.operation;
  const health: HealthStatus = app.health;
  const previous = entry.object.status;
  entry.object.status = {
    sync: { status: app.sync },
    health: { status: health.status, ...(health.message ? { message: health.message } : {}) },
    ...(app.condition
      ? {
          conditions: [
            {
              type: app.condition.rule.startsWith('cluster-credentials')
                ? 'ComparisonError'
                : 'InvalidSpecError',
              message: app.condition.message,
            },
          ],
        }
      : {}),
    ...(operation
      ? {
          operationState: {
            phase: operation.phase,
            message: operation.message,
            retryCount: operation.retryCount,
            ...(operation.finishedAt !== undefined || operation.retryAt !== undefined
              ? { finishedAt: `step ${operation.finishedAt ?? world.step}` }
              : {}),
          },
        }
      : {}),
  };
  // An equal status keeps its object, so health computed from it stays valid.
  if (previous !== undefined && JSON.stringify(previous) === JSON.stringify(entry.object.status))
    entry.object.status = previous;
  app.live = entry.object;
}

export const isApplicationObject = (object: KubeObject): boolean =>
  kindOf(object) === 'Application' && groupOf(object.apiVersion) === 'argoproj.io';
