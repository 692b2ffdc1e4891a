import { reconcileApplication } from '../argocd/application-controller';
import type { ApplicationRuntime } from '../argocd/application-runtime';
import { argocdNotRunning, liveArgocdSettings } from '../argocd/argocd-instance';
import { forcedObjectKey, type ControllerWorld, type Forcing } from '../argocd/controller-world';
import type { ResourceHealth } from '../health/health-status';
import { healthCustomizations, resourceHealth } from '../health/resource-health';
import type { ConvergeCluster, ConvergeInput } from '../input/converge-input';
import {
  objectsByDirectory,
  renderedObjects,
  type RenderedObject,
} from '../input/rendered-objects';
import { groupOf, kindOf, nameOf, namespaceOf, type KubeObject } from '../kube/kube-object';
import { webhookDenial } from '../world/admission-webhooks';
import { ClusterModel, clusterOfLiveObject } from '../world/cluster-model';
import { settle, type WorldSettings } from '../world/outside-world';
import { statusWritersOf, type StatusWriters } from '../world/status-writers';
import { applyBootstrapStep, type BootstrapFailure } from './bootstrap-apply';

/** The replay's state: clusters, Argo CD's Applications, what is assumed resolved. */
export class Simulation implements ControllerWorld {
  step = 0;
  readonly argocdNamespace: string;
  readonly management: ClusterModel;
  readonly clusters = new Map<string, ClusterModel>();
  readonly clusterSpecs: readonly ConvergeCluster[];
  readonly podIdentityAssociations;
  readonly forcing: Forcing = {
    applications: new Set(),
    projects: new Set(),
    credentials: new Set(),
    objects: new Set(),
  };
  readonly applications = new Map<string, ApplicationRuntime>();
  readonly objectsByDirectory: Map<string, RenderedObject[]>;
  readonly objects: RenderedObject[];
  readonly assumptions = new Set<string>();
  readonly bootstrapRecords: ApplicationRuntime['waves'] = [];
  bootstrapFailures: BootstrapFailure[] = [];
  health: ResourceHealth = () => undefined;
  private settingsDigest = '';
  private readonly worldSettings = new Map<string, WorldSettings>();

  constructor(readonly input: ConvergeInput) {
    this.argocdNamespace = input.argocdNamespace;
    this.clusterSpecs = input.clusters;
    this.podIdentityAssociations = input.podIdentityAssociations ?? [];
    this.objects = renderedObjects(input.files);
    this.objectsByDirectory = objectsByDirectory(this.objects);
    for (const spec of input.clusters) {
      const cluster = new ClusterModel(spec.name, spec.providedNamespaces, (c, object, served) =>
        webhookDenial(c, object, served),
      );
      this.clusters.set(spec.name, cluster);
      this.worldSettings.set(spec.name, this.settingsFor(spec.name));
    }
    const management = input.clusters.find((c) => c.role === 'management');
    if (!management) throw new Error('converge: the inventory has no management cluster');
    this.management = this.clusters.get(management.name)!;
  }

  /** What the outside world of one cluster knows: who writes which status, run-time Secrets. */
  private settingsFor(cluster: string): WorldSettings {
    const rendered = this.objects
      .filter((o) => o.file.split('/')[1] === cluster)
      .map((o) => o.object);
    const writers = new Map<string, StatusWriters>();
    return {
      runtimeSecrets: this.input.runtimeSecrets ?? [],
      statusWritersOf: (group, plural) => {
        const key = `${group}/${plural}`;
        if (!writers.has(key)) writers.set(key, statusWritersOf(rendered, group, plural));
        return writers.get(key)!;
      },
      ownStatus: (object) => groupOf(object.apiVersion) === 'argoproj.io',
      assume: (text) => this.assumptions.add(text),
    };
  }

  /** The README's bootstrap commands against the management cluster. */
  bootstrap(): void {
    this.input.bootstrap.forEach((step, index) => {
      const { record, failures } = applyBootstrapStep(
        step,
        index,
        this.objects,
        this.management,
        this.step,
      );
      this.bootstrapRecords.push(record);
      this.bootstrapFailures.push(...failures);
      this.settleAll();
    });
  }

  /** The cluster versions and forced objects the world last settled at. */
  private settledAt = new Map<string, string>();

  /**
   * Every cluster's outside world reacts, when something was stored or deleted (or assumed
   * resolved) since it last settled; forced workloads count as available.
   */
  settleAll(): void {
    for (const [name, cluster] of this.clusters) {
      const mark = `${cluster.version}/${this.forcing.objects.size}`;
      if (this.settledAt.get(name) === mark) continue;
      settle(cluster, this.worldSettings.get(name)!, this.step);
      this.settledAt.set(name, `${cluster.version}/${this.forcing.objects.size}`);
      for (const entry of cluster.objects()) {
        const o = entry.object;
        if (
          entry.blockedBy &&
          this.forcing.objects.has(
            forcedObjectKey(name, groupOf(o.apiVersion), kindOf(o), namespaceOf(o), nameOf(o)),
          )
        )
          entry.blockedBy = undefined;
      }
    }
  }

  /** Why Argo CD does nothing yet, or undefined once its controller and repo-server run. */
  argocdBlockedBy(): string | undefined {
    return argocdNotRunning(this.management, this.argocdNamespace);
  }

  /** Argo CD's resource health, from the live argocd-cm (re-read when it changes). */
  private refreshHealth(): void {
    const settings = liveArgocdSettings(this.management, this.argocdNamespace) ?? {};
    const digest = JSON.stringify(settings);
    if (digest === this.settingsDigest) return;
    this.settingsDigest = digest;
    const assess = resourceHealth(healthCustomizations(settings), this.input.builtInHealthScripts);
    this.health = (object: KubeObject) => {
      const cluster = clusterOfLiveObject.get(object);
      if (
        cluster &&
        this.forcing.objects.has(
          forcedObjectKey(
            cluster,
            groupOf(object.apiVersion),
            kindOf(object),
            namespaceOf(object),
            nameOf(object),
          ),
        )
      )
        return { status: 'Healthy', message: 'assumed healthy' };
      return assess(object);
    };
  }

  private clusterOfObject(object: KubeObject): string | undefined {
    for (const [name, cluster] of this.clusters)
      for (const entry of cluster.live.values()) if (entry.object === object) return name;
    return undefined;
  }

  /** One reconciliation of every Application, then the world reacts. */
  advance(): void {
    this.step++;
    this.settleAll();
    if (this.argocdBlockedBy()) return;
    this.refreshHealth();
    const live = this.management
      .objects()
      .filter(
        (e) =>
          kindOf(e.object) === 'Application' &&
          groupOf(e.object.apiVersion) === 'argoproj.io' &&
          namespaceOf(e.object) === this.argocdNamespace,
      )
      .sort((a, b) => (nameOf(a.object) < nameOf(b.object) ? -1 : 1));
    for (const entry of live) {
      const name = nameOf(entry.object);
      let app = this.applications.get(name);
      if (!app) {
        app = this.newRuntime(name, entry.origin.by, entry.origin.file, entry.object);
        this.applications.set(name, app);
      }
      reconcileApplication(this, app, entry.object);
      if (app.healthyAt === undefined && app.sync === 'Synced' && app.health.status === 'Healthy')
        app.healthyAt = this.step;
    }
    this.settleAll();
  }

  private newRuntime(
    name: string,
    createdBy: string,
    file: string | undefined,
    object: KubeObject,
  ): ApplicationRuntime {
    const parent = this.applications.get(createdBy.replace(/^Application /, ''));
    const wave = parent?.waves.findLast((w) => w.objects.some((o) => o.file === file))?.wave;
    return {
      name,
      file,
      createdBy,
      createdInWave: createdBy.startsWith('bootstrap')
        ? 'bootstrap'
        : `wave ${wave ?? object.metadata?.annotations?.['argocd.argoproj.io/sync-wave'] ?? 0}`,
      targets: [],
      sync: 'Unknown',
      health: { status: 'Unknown' },
      selfHealAttempts: 0,
      waves: [],
      createdAt: this.step,
    };
  }

  /** A fingerprint of everything that can change: equal twice in a row means nothing moves. */
  digest(): string {
    const apps = [...this.applications.values()].map((a) => [
      a.name,
      a.sync,
      a.health.status,
      a.condition?.rule,
      a.operation?.phase,
      a.operation?.message,
      a.operation?.retryCount,
      a.operation?.attempt,
    ]);
    const objects = [...this.clusters.values()].map((c) => c.version);
    return JSON.stringify([apps, objects, [...this.clusters.values()].map((c) => c.live.size)]);
  }

  /** The earliest step at which a failed sync is retried, if any is waiting. */
  nextRetry(): number | undefined {
    const waiting = [...this.applications.values()].flatMap((a) =>
      a.operation?.retryAt !== undefined ? [a.operation.retryAt] : [],
    );
    return waiting.length > 0 ? Math.min(...waiting) : undefined;
  }
}
