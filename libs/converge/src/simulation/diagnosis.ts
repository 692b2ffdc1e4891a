import { isApplicationObject } from '../argocd/application-controller';
import type { ApplicationRuntime } from '../argocd/application-runtime';
import { renderedSourceOf } from '../argocd/application-targets';
import { argocdObjects } from '../argocd/argocd-instance';
import { forcedObjectKey } from '../argocd/controller-world';
import {
  groupOf,
  kindOf,
  nameOf,
  namespaceOf,
  objectLabel,
  versionOf,
  type KubeObject,
} from '../kube/kube-object';
import { syncWaveOf } from '../sync-engine/hooks';
import { crdGroupKind } from '../sync-engine/sync-tasks';
import type { SyncTask } from '../sync-engine/sync-task';
import type { StuckPoint } from './converge-result';
import type { Simulation } from './simulation';

/** A block and how to assume it resolved, so the replay can look for the next one. */
export interface Block {
  point: Omit<StuckPoint, 'step' | 'component'>;
  resolve: () => void;
}

/** The rule an apply or sync error breaks, from the messages the model writes. */
export function ruleOfMessage(message: string): string {
  if (/no matches for kind/.test(message)) return 'crd-missing';
  if (/^namespaces ".*" not found/.test(message) || /namespaces ".*" not found/.test(message))
    return 'namespace-missing';
  if (/^namespace .* is not permitted in project/.test(message)) return 'app-project-namespace';
  if (/is not permitted in project/.test(message)) return 'app-project-kind';
  if (/failed calling webhook/.test(message)) return 'webhook-unavailable';
  if (/unable to handle the request/.test(message)) return 'apiservice-unavailable';
  return 'sync-failed';
}

const resolveObject = (simulation: Simulation, cluster: string, object: KubeObject) => () =>
  simulation.forcing.objects.add(
    forcedObjectKey(
      cluster,
      groupOf(object.apiVersion),
      kindOf(object),
      namespaceOf(object),
      nameOf(object),
    ),
  );

/** Why the replay stopped short of convergence: the first thing that blocks, from the top. */
export function diagnose(simulation: Simulation): Block | undefined {
  const failure = simulation.bootstrapFailures.find(
    (f) => !simulation.forcing.objects.has(`bootstrap:${f.object.file}`),
  );
  if (failure) {
    return {
      point: {
        application: failure.object.file ? `bootstrap` : 'bootstrap',
        wave: 'bootstrap',
        resource: objectLabel(failure.object.object),
        file: failure.object.file,
        reason: failure.message,
        rule: failure.rule,
      },
      resolve: () => {
        simulation.forcing.objects.add(`bootstrap:${failure.object.file}`);
        if (failure.object.object.kind)
          simulation.management.store(failure.object.object, {
            by: 'assumed',
            file: failure.object.file,
            step: simulation.step,
          });
      },
    };
  }
  const notRunning = simulation.argocdBlockedBy();
  if (notRunning) {
    const { kind, name } = argocdObjects.controller;
    const controller: KubeObject = {
      apiVersion: 'apps/v1',
      kind,
      metadata: { name, namespace: simulation.argocdNamespace },
    };
    return {
      point: {
        application: 'bootstrap',
        wave: 'bootstrap',
        resource: objectLabel(controller),
        file: '',
        reason: `Argo CD does not run: ${notRunning}`,
        rule: 'argocd-not-running',
      },
      resolve: resolveObject(simulation, simulation.management.name, controller),
    };
  }
  const roots = [...simulation.applications.values()].filter((a) =>
    a.createdBy.startsWith('bootstrap'),
  );
  for (const root of roots) {
    const block = explainApplication(simulation, root, undefined, new Set());
    if (block) return block;
  }
  for (const app of simulation.applications.values()) {
    if (app.sync === 'Synced' && app.health.status === 'Healthy') continue;
    const block = explainApplication(simulation, app, undefined, new Set());
    if (block) return block;
  }
  return undefined;
}

interface ParentWait {
  parent: ApplicationRuntime;
  task: SyncTask;
}

function explainApplication(
  simulation: Simulation,
  app: ApplicationRuntime,
  waiting: ParentWait | undefined,
  seen: Set<string>,
): Block | undefined {
  if (seen.has(app.name)) return undefined;
  seen.add(app.name);
  const at = (task: SyncTask | undefined) => ({
    application: waiting?.parent.name ?? app.name,
    wave: waiting ? String(waiting.task.wave()) : task ? String(task.wave()) : app.createdInWave,
  });
  if (app.condition) {
    const { rule, message } = app.condition;
    const project = String(app.live?.spec?.project ?? '');
    const resolve =
      rule === 'cluster-credentials'
        ? () => simulation.forcing.credentials.add(app.cluster ?? clusterNamed(simulation, message))
        : rule === 'app-project-missing'
          ? () =>
              renderedProjects(simulation).forEach((p) => simulation.forcing.projects.add(p.name))
          : () => simulation.forcing.applications.add(app.name);
    const where =
      rule === 'app-project-missing'
        ? `${whereProjectIsCreated(simulation, project)}; an Application whose project does not exist is Unknown, which never completes a wave`
        : '';
    return {
      point: {
        ...at(undefined),
        resource: `Application/${simulation.argocdNamespace}/${app.name}`,
        file: app.file ?? '',
        reason: `${app.name}: ${message}${where}`,
        rule,
      },
      resolve,
    };
  }
  const operation = app.operation;
  if (!operation) return undefined;
  const context = operation.context;
  const tasks = [...context.syncRes.values()];
  if (operation.finishedAt !== undefined && operation.phase !== 'Succeeded') {
    const failed = tasks.find(
      (r) => r.status === 'SyncFailed' || r.hookPhase === 'Failed' || r.hookPhase === 'Error',
    );
    if (!failed) return undefined;
    const object = objectOfKey(app, failed.key);
    if (object && isApplicationObject(object) && failed.status !== 'SyncFailed') {
      const child = simulation.applications.get(nameOf(object));
      const deeper = child && explainApplication(simulation, child, undefined, seen);
      if (deeper) return deeper;
    }
    const cluster = app.cluster ?? simulation.management.name;
    const source = object && renderedSourceOf(app.targets, object);
    const rule = failed.status === 'SyncFailed' ? ruleOfMessage(failed.message) : 'health-degraded';
    const resolveKind = () =>
      object &&
      simulation.clusters
        .get(cluster)!
        .assumeServed(
          groupOf(object.apiVersion),
          kindOf(object),
          versionOf(object.apiVersion),
          namespaceOf(object) !== '',
        );
    return {
      point: {
        application: app.name,
        wave: source ? String(syncWaveOf(source.object)) : app.createdInWave,
        resource: object ? objectLabel(object) : failed.key,
        file: source?.file ?? app.file ?? '',
        reason: `${failed.message || operation.message}${rule === 'crd-missing' && object ? whereCrdIsCreated(simulation, cluster, object) : ''}`,
        rule,
      },
      resolve:
        rule === 'crd-missing'
          ? resolveKind
          : object
            ? resolveObject(simulation, cluster, object)
            : () => undefined,
    };
  }
  // A finished operation leaves its last wave's results Running (it succeeds on applying them):
  // what keeps the Application from Healthy then is a target that is not.
  if (operation.finishedAt !== undefined) return explainUnhealthyTarget(simulation, app, seen);
  const running = tasks.filter((r) => r.hookPhase === 'Running');
  for (const result of running) {
    const object = objectOfKey(app, result.key);
    if (!object) continue;
    const block = explainWait(simulation, app, object, seen);
    if (block) return block;
  }
  return undefined;
}

/** An Application waits on one of its resources: why that resource is not healthy. */
function explainWait(
  simulation: Simulation,
  app: ApplicationRuntime,
  object: KubeObject,
  seen: Set<string>,
): Block | undefined {
  const cluster = app.cluster ?? simulation.management.name;
  const model = simulation.clusters.get(cluster)!;
  const source = renderedSourceOf(app.targets, object);
  const live = model.get(
    object.apiVersion ?? '',
    kindOf(object),
    namespaceOf(object),
    nameOf(object),
  );
  const wave = String(syncWaveOf(source?.object ?? object));
  const base = {
    application: app.name,
    wave,
    resource: objectLabel(object),
    file: source?.file ?? '',
  };
  const resolve = resolveObject(simulation, cluster, live?.object ?? object);
  if (
    isApplicationObject(object) &&
    cluster === simulation.management.name &&
    nameOf(object) !== app.name
  ) {
    const child = simulation.applications.get(nameOf(object));
    if (child) {
      const deeper = explainApplication(
        simulation,
        child,
        { parent: app, task: { wave: () => Number(wave) } as SyncTask },
        seen,
      );
      if (deeper) return deeper;
    }
  }
  if (!live)
    return {
      point: { ...base, reason: 'the resource is missing from the cluster', rule: 'health-wait' },
      resolve,
    };
  const health = simulation.health(live.object);
  const verdict = health
    ? `${health.status || 'no status'}${health.message ? ` ("${health.message}")` : ''}`
    : 'no health';
  if (isApplicationObject(object) && nameOf(object) === app.name)
    return {
      point: {
        ...base,
        reason: `the Application health check${healthCheckSource(simulation)} returns ${verdict} for ${app.name}'s own Application while its own sync runs: the wave never completes, and its operation never ends`,
        rule: 'health-self-wait',
      },
      resolve,
    };
  const producer = live.blockedBy && blockedSecretProducer(simulation, cluster, live.blockedBy);
  if (producer) return producer;
  if (live.blockedBy)
    return {
      point: {
        ...base,
        reason: live.blockedBy,
        rule: live.blockedBy.startsWith('no controller')
          ? 'controller-missing'
          : 'pod-prerequisite',
      },
      resolve,
    };
  return {
    point: {
      ...base,
      reason: `its health is ${verdict}, never Healthy`,
      rule: isApplicationObject(object) ? 'health-check' : 'health-wait',
    },
    resolve,
  };
}

/** The first target of an Application whose live health is not Healthy, explained. */
function explainUnhealthyTarget(
  simulation: Simulation,
  app: ApplicationRuntime,
  seen: Set<string>,
): Block | undefined {
  if (app.health.status === 'Healthy' || !app.cluster) return undefined;
  const model = simulation.clusters.get(app.cluster)!;
  const namespace = app.live?.spec?.destination?.namespace ?? '';
  for (const target of app.targets) {
    const live = model.get(
      target.object.apiVersion ?? '',
      kindOf(target.object),
      namespaceOf(target.object) || namespace,
      nameOf(target.object),
    );
    const health = live && simulation.health(live.object);
    if (live && health && health.status !== 'Healthy' && health.status !== '')
      return explainWait(simulation, app, target.object, seen);
  }
  return undefined;
}

/**
 * When a pod waits for a Secret that an ExternalSecret makes, the ExternalSecret that is not
 * ready is the cause: it is reported, with its own reason.
 */
function blockedSecretProducer(
  simulation: Simulation,
  cluster: string,
  blockedBy: string,
): Block | undefined {
  const match = /^Secret ([^/]+)\/(\S+) does not exist/.exec(blockedBy);
  if (!match) return undefined;
  const [, namespace, name] = match;
  const producer = simulation.clusters
    .get(cluster)!
    .objectsOfKind('external-secrets.io', 'ExternalSecret')
    .find(
      (e) =>
        namespaceOf(e.object) === namespace &&
        (e.object.spec?.target?.name ?? nameOf(e.object)) === name,
    );
  if (!producer?.blockedBy) return undefined;
  const source = simulation.objects.find((o) => o.file === producer.origin.file);
  return {
    point: {
      application: producer.origin.by.replace(/^Application /, ''),
      wave: String(syncWaveOf(source?.object ?? producer.object)),
      resource: objectLabel(producer.object),
      file: producer.origin.file ?? '',
      reason: `${producer.blockedBy}, so Secret ${namespace}/${name} is never created and the pods that need it do not start`,
      rule: 'external-secret-not-ready',
    },
    resolve: resolveObject(simulation, cluster, producer.object),
  };
}

function objectOfKey(app: ApplicationRuntime, key: string): KubeObject | undefined {
  const [group, kind, namespace, name] = key.split('/');
  const match = app.targets.find(
    (t) =>
      groupOf(t.object.apiVersion) === group &&
      kindOf(t.object) === kind &&
      nameOf(t.object) === name &&
      (namespaceOf(t.object) === '' || namespaceOf(t.object) === namespace),
  );
  return match?.object;
}

/** The cluster a credentials message names (`... for cluster ci`). */
function clusterNamed(simulation: Simulation, message: string): string {
  return simulation.clusterSpecs.find((c) => message.endsWith(`for cluster ${c.name}`))?.name ?? '';
}

/** The AppProjects rendered for Argo CD, with the file and sync wave that create them. */
function renderedProjects(simulation: Simulation): { name: string; file: string; wave: number }[] {
  return simulation.objects
    .filter((o) => o.object.kind === 'AppProject' && groupOf(o.object.apiVersion) === 'argoproj.io')
    .map((o) => ({ name: nameOf(o.object), file: o.file, wave: syncWaveOf(o.object) }));
}

/** `(it is rendered in <file>, sync wave <n>)`, or that no file renders it. */
function whereProjectIsCreated(simulation: Simulation, project: string): string {
  const rendered = renderedProjects(simulation).find((p) => p.name === project);
  return rendered
    ? ` (it is created by ${rendered.file} in sync wave ${rendered.wave}, which has not run yet)`
    : ' (no file under rendered/ creates it)';
}

/** Where the CRD of a custom resource's kind is rendered for a cluster, or that it is not. */
function whereCrdIsCreated(simulation: Simulation, cluster: string, object: KubeObject): string {
  const groupKind = `${groupOf(object.apiVersion)}/${kindOf(object)}`;
  const crd = simulation.objects.find(
    (o) => o.file.split('/')[1] === cluster && crdGroupKind(o.object) === groupKind,
  );
  return crd
    ? `: its CRD is in ${crd.file}, which is not established before this sync`
    : `: no file under rendered/${cluster}/ holds the CustomResourceDefinition of ${groupKind}`;
}

/** ` (in <argocd-cm file>)`, naming the rendered file that holds the health customizations. */
function healthCheckSource(simulation: Simulation): string {
  const settings = simulation.objects.find(
    (o) =>
      o.object.kind === 'ConfigMap' &&
      nameOf(o.object) === argocdObjects.settings &&
      namespaceOf(o.object) === simulation.argocdNamespace,
  );
  return settings
    ? ` (resource.customizations.health.argoproj.io_Application in ${settings.file})`
    : '';
}
