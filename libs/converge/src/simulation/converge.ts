import { inClusterName } from '../argocd/argocd-instance';
import { deletionCascades, describeDeletion } from '../deletion/deletion-cascade';
import type { ConvergeInput, RenderedFile } from '../input/converge-input';
import type { ClusterVerdict, ConvergeResult, StuckPoint, TimelineEntry } from './converge-result';
import { diagnose } from './diagnosis';
import { Simulation } from './simulation';

/** What the replay takes for granted about everything outside rendered/ and Argo CD. */
export const outsideWorldAssumptions: readonly string[] = [
  'every pod is scheduled (EKS nodes exist for the platform), pulls its image and passes its probes once the objects it references exist',
  'the IAM roles, their trust policies and the EKS access entries the inventory names exist (infrastructure code)',
  'every secret an ExternalSecret names exists in AWS Secrets Manager, and External Secrets syncs it once its store is ready',
  'Argo CD can read the repository (the repo-creds Secret is seeded before bootstrap step 2, docs/bootstrap/repository-credential.md)',
  "the External Secrets certificate controller fills its webhook's certificate and CA bundle",
  'one step is one reconciliation of every Application (about five seconds); a failed sync retries after its backoff in steps',
];

/** Steps without progress are skipped; this bounds a replay that keeps changing (a bug). */
const maxSteps = 5000;

/**
 * Replays how Argo CD 3.5.1 brings every cluster up from empty: the bootstrap commands, then the
 * application controller reconciling every Application step by step until nothing changes. When
 * it stops short, the block is diagnosed, assumed resolved, and the replay goes on, so one run
 * reports every block it can reach (each later one assuming the earlier ones fixed).
 */
export function converge(input: ConvergeInput): ConvergeResult {
  const simulation = new Simulation(input);
  simulation.bootstrap();
  const blocks: StuckPoint[] = [];
  const unconvergedAtBlock: Set<string>[] = [];
  let previous = '';
  while (simulation.step < maxSteps) {
    simulation.advance();
    const digest = simulation.digest();
    if (digest !== previous) {
      previous = digest;
      continue;
    }
    const retry = simulation.nextRetry();
    if (retry !== undefined && retry > simulation.step) {
      simulation.step = retry - 1;
      continue;
    }
    const pending = unconvergedClusters(simulation);
    if (pending.size === 0) break;
    const block = diagnose(simulation);
    if (!block || blocks.length >= (input.maxBlocks ?? 12)) break;
    blocks.push({
      ...block.point,
      component: componentOf(input.files, block.point.file),
      step: simulation.step,
    });
    unconvergedAtBlock.push(pending);
    block.resolve();
    resetFailedOperations(simulation);
    previous = '';
  }
  const deletions = deletionCascades(simulation.objects, input.clusters);
  const clusters = input.clusters.map((spec) => {
    const verdict = verdictOf(simulation, spec.name, blocks, unconvergedAtBlock);
    for (const cascade of deletions.filter((d) => d.cluster === spec.name))
      verdict.warnings.push({
        rule: 'delete-cascade',
        message: describeDeletion(cascade),
        file: cascade.file,
      });
    return verdict;
  });
  return {
    clusters,
    blocks,
    assumptions: [...outsideWorldAssumptions, ...[...simulation.assumptions].sort()],
    steps: simulation.step,
  };
}

/** A resolved block stands for a fixed commit: failed syncs start again. */
function resetFailedOperations(simulation: Simulation): void {
  for (const app of simulation.applications.values()) {
    if (
      app.operation &&
      app.operation.finishedAt !== undefined &&
      app.operation.phase !== 'Succeeded'
    )
      app.operation = undefined;
    app.selfHealAttempts = 0;
  }
}

/** The Applications of rendered/ that deploy to each cluster. */
function applicationsByCluster(simulation: Simulation): Map<string, string[]> {
  const result = new Map<string, string[]>(simulation.clusterSpecs.map((c) => [c.name, []]));
  for (const { object } of simulation.objects) {
    if (object.kind !== 'Application' || !String(object.apiVersion).startsWith('argoproj.io/'))
      continue;
    const name = object.spec?.destination?.name ?? '';
    const spec =
      name === inClusterName ||
      object.spec?.destination?.server === 'https://kubernetes.default.svc'
        ? simulation.clusterSpecs.find((c) => c.role === 'management')
        : simulation.clusterSpecs.find((c) => c.destinationName === name);
    if (spec) result.get(spec.name)!.push(object.metadata?.name ?? '');
  }
  return result;
}

/**
 * Clusters not yet converged: a bootstrap failure, an Application not there, Synced and Healthy,
 * or no Application deploying to the cluster at all (nothing would ever come up there).
 */
function unconvergedClusters(simulation: Simulation): Set<string> {
  const pending = new Set<string>();
  if (simulation.bootstrapFailures.length > 0 || simulation.argocdBlockedBy())
    pending.add(simulation.management.name);
  for (const [cluster, names] of applicationsByCluster(simulation)) {
    if (names.length === 0) pending.add(cluster);
    for (const name of names) {
      const app = simulation.applications.get(name);
      const done =
        app &&
        !app.condition &&
        app.sync === 'Synced' &&
        app.health.status === 'Healthy' &&
        (!app.operation || app.operation.finishedAt !== undefined);
      if (!done) pending.add(cluster);
    }
  }
  return pending;
}

function verdictOf(
  simulation: Simulation,
  cluster: string,
  blocks: StuckPoint[],
  unconverged: Set<string>[],
): ClusterVerdict {
  const index = unconverged.findIndex((set) => set.has(cluster));
  const stillPending = unconvergedClusters(simulation).has(cluster);
  const timeline = timelineOf(simulation, cluster);
  const waves = new Set(timeline.map((t) => t.parentWave)).size;
  const later = blocks.filter((_, i) => i > index && index >= 0 && unconverged[i]!.has(cluster));
  const unexplained = index < 0 && stillPending ? unexplainedStop(simulation, cluster) : null;
  return {
    name: cluster,
    converged: index < 0 && !stillPending,
    waves,
    stuck: index >= 0 ? blocks[index]! : unexplained,
    warnings: later.map((b) => ({
      rule: b.rule,
      file: b.file,
      message: `then, with the block above resolved: stuck at ${b.application} wave ${b.wave} on ${b.resource} because ${b.reason}`,
    })),
    timeline,
  };
}

/** Why a cluster did not converge when no block explains it: nothing deploys to it, or what is left. */
function unexplainedStop(simulation: Simulation, cluster: string): StuckPoint {
  const names = applicationsByCluster(simulation).get(cluster) ?? [];
  const base = { application: '', wave: '', resource: '', file: '', step: simulation.step };
  if (names.length === 0)
    return {
      ...base,
      reason: `no Application under rendered/ deploys to cluster ${cluster}`,
      rule: 'no-applications',
    };
  const left = names.filter((name) => {
    const app = simulation.applications.get(name);
    return !app || app.sync !== 'Synced' || app.health.status !== 'Healthy';
  });
  return {
    ...base,
    application: left[0] ?? '',
    reason: `nothing changes any more and ${left.length} Applications are not Synced and Healthy: ${left.join(', ')}`,
    rule: 'did-not-converge',
  };
}

/**
 * The cluster's waves: bootstrap steps, then the waves of each parent that created Applications
 * for it, each with what its Applications applied (an Application that found everything in place
 * already, such as Argo CD adopting its bootstrap, shows with nothing applied).
 */
function timelineOf(simulation: Simulation, cluster: string): TimelineEntry[] {
  const entries: TimelineEntry[] = simulation.bootstrapRecords
    .filter((r) => r.cluster === cluster)
    .map((record) => ({ parentWave: record.application, record }));
  for (const app of simulation.applications.values()) {
    const root = app.createdBy.startsWith('bootstrap');
    const parentWave = `${app.createdBy.replace(/^Application /, '')} ${app.createdInWave}`;
    for (const record of app.waves) {
      if (record.cluster === cluster)
        entries.push({
          parentWave: root ? `${app.name} wave ${record.wave}` : parentWave,
          record,
          ...(root ? {} : { healthyAt: app.healthyAt }),
        });
    }
    if (app.waves.length === 0 && app.cluster === cluster && !root) {
      const record = {
        application: app.name,
        cluster,
        phase: 'Sync' as const,
        wave: 0,
        attempt: 0,
        appliedAt: app.createdAt,
        doneAt: app.healthyAt,
        objects: [],
      };
      entries.push({ parentWave, record, healthyAt: app.healthyAt });
    }
  }
  return entries.sort(
    (a, b) =>
      a.record.appliedAt - b.record.appliedAt ||
      (a.record.application < b.record.application ? -1 : 1),
  );
}

/** `apps/<app>/src/<component>/component.ts`, from the rendered file's generated header. */
function componentOf(files: readonly RenderedFile[], path: string): string | undefined {
  const file = files.find((f) => f.path === path);
  const match =
    file &&
    /^# Generated by `gitops render` from (apps\/[^ ]+) \(component ([^)]+)\)/.exec(file.content);
  return match ? `${match[1]}/src/${match[2]}/component.ts` : undefined;
}
