import { kindOf, objectLabel } from '../kube/kube-object';
import type { BootstrapStep } from '../input/converge-input';
import type { RenderedObject } from '../input/rendered-objects';
import type { ClusterModel } from '../world/cluster-model';
import type { WaveRecord } from '../argocd/application-runtime';

/** The objects a `kubectl apply -f` applies, in its order: each path's files by name, documents in order. */
export function objectsOfStep(
  step: BootstrapStep,
  objects: readonly RenderedObject[],
): RenderedObject[] {
  return step.paths.flatMap((path) => {
    const directory = path.replace(/\/+$/, '');
    const file = objects.filter((o) => o.file === path);
    if (file.length > 0) return file;
    return objects
      .filter((o) => o.directory === directory)
      .sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
  });
}

/** A failed object of a bootstrap command. */
export interface BootstrapFailure {
  object: RenderedObject;
  message: string;
  rule: string;
}

/**
 * One bootstrap command against the management cluster, as kubectl runs it: the kinds it can map
 * are those the cluster served when the command started (kubectl reads discovery once), so a
 * custom resource whose CRD the same command creates fails ("ensure CRDs are installed first");
 * every other object is applied in order, each failure reported and the rest still applied.
 */
export function applyBootstrapStep(
  step: BootstrapStep,
  index: number,
  objects: readonly RenderedObject[],
  cluster: ClusterModel,
  at: number,
): { record: WaveRecord; failures: BootstrapFailure[] } {
  const selected = objectsOfStep(step, objects);
  const servedAtStart = new Set(
    selected
      .filter((o) => cluster.served(o.object.apiVersion, kindOf(o.object)))
      .map((o) => `${o.object.apiVersion}/${o.object.kind}`),
  );
  const record: WaveRecord = {
    application: `bootstrap step ${index + 1}`,
    cluster: cluster.name,
    phase: 'Sync',
    wave: index + 1,
    attempt: 1,
    appliedAt: at,
    objects: [],
  };
  const failures: BootstrapFailure[] = [];
  if (step.paths.length === 0 || selected.length === 0)
    failures.push({
      object: { object: {}, file: step.paths.join(' '), directory: '', fileName: '' },
      message: `\`${step.command}\` applies nothing that is rendered`,
      rule: 'bootstrap-apply',
    });
  for (const object of selected) {
    record.objects.push({ label: objectLabel(object.object), file: object.file });
    if (!servedAtStart.has(`${object.object.apiVersion}/${object.object.kind}`)) {
      failures.push({
        object,
        message: `resource mapping not found for name: "${object.object.metadata?.name}" from "${object.file}": no matches for kind "${object.object.kind}" in version "${object.object.apiVersion}"; ensure CRDs are installed first`,
        rule: 'crd-missing',
      });
      continue;
    }
    const result = cluster.apply(object.object, {
      by: `bootstrap step ${index + 1}`,
      file: object.file,
      step: at,
      source: object.object,
    });
    if (!result.ok)
      failures.push({
        object,
        message: result.message,
        rule: result.message.startsWith('namespaces') ? 'namespace-missing' : 'bootstrap-apply',
      });
  }
  record.doneAt = at;
  if (failures.length > 0) record.failed = failures.map((f) => f.message).join('; ');
  return { record, failures };
}
