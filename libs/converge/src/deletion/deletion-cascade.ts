import { applicationTargets } from '../argocd/application-targets';
import { inClusterName } from '../argocd/argocd-instance';
import type { ConvergeCluster } from '../input/converge-input';
import { objectsByDirectory, type RenderedObject } from '../input/rendered-objects';
import {
  annotationOptionValue,
  groupOf,
  kindOf,
  nameOf,
  namespaceOf,
  objectLabel,
  type KubeObject,
} from '../kube/kube-object';
import { annotationSyncOptions, syncOptionDelete } from '../sync-engine/sync-common';
import { isCrd } from '../sync-engine/sync-tasks';

/** What `kubectl delete application <name>` does to what the Application deployed. */
export interface DeletionCascade {
  application: string;
  file: string;
  /** The cluster (folder under rendered/) it deploys to. */
  cluster: string;
  /** The Application carries a resources finalizer: its resources are deleted with it. */
  cascades: boolean;
  /** Its own resources that are deleted. */
  deletes: string[];
  /** Its own resources that stay (Delete=false, CRDs, Helm's keep policy), or all without a finalizer. */
  keeps: string[];
  /** Objects of other Applications deleted because a Namespace they live in is deleted. */
  inDeletedNamespaces: { namespace: string; objects: string[]; applications: string[] }[];
  /** Child Applications deleted with it, each cascading in turn. */
  children: DeletionCascade[];
}

const resourcesFinalizers = [
  'resources-finalizer.argocd.argoproj.io',
  'resources-finalizer.argocd.argoproj.io/background',
  'resources-finalizer.argocd.argoproj.io/foreground',
];

const isApplication = (object: KubeObject) =>
  kindOf(object) === 'Application' && groupOf(object.apiVersion) === 'argoproj.io';

/**
 * controller/appcontroller.go, shouldBeDeleted: a resource of a deleted Application is deleted
 * unless it is a CRD, the Application itself, annotated `Delete=false` (else the Application's own
 * `Delete=false` sync option), or kept by Helm's `helm.sh/resource-policy: keep`.
 */
export function deletedWithApplication(application: KubeObject, object: KubeObject): boolean {
  const option =
    annotationOptionValue(object, annotationSyncOptions, syncOptionDelete) ??
    (application.spec?.syncPolicy?.syncOptions ?? [])
      .find((o: string) => o.startsWith('Delete='))
      ?.slice('Delete='.length);
  const self =
    isApplication(object) &&
    nameOf(object) === nameOf(application) &&
    (namespaceOf(object) || namespaceOf(application)) === namespaceOf(application);
  return (
    !isCrd(object) &&
    !self &&
    option !== 'false' &&
    object.metadata?.annotations?.['helm.sh/resource-policy'] !== 'keep'
  );
}

/**
 * The deletion cascade of every rendered Application: with the resources finalizer, the controller
 * deletes the Application's resources (controller/appcontroller.go, finalizeApplicationDeletion)
 * before the Application goes; a deleted Namespace takes every object in it, whoever deployed it;
 * a deleted child Application cascades the same way.
 */
export function deletionCascades(
  objects: readonly RenderedObject[],
  clusters: readonly ConvergeCluster[],
): DeletionCascade[] {
  const byDirectory = objectsByDirectory(objects);
  const applications = objects.filter((o) => isApplication(o.object));
  const owners = new Map<RenderedObject, string>();
  for (const app of applications)
    for (const target of applicationTargets(app.object, byDirectory))
      owners.set(target, nameOf(app.object));
  const cascadeOf = (app: RenderedObject, seen: Set<string>): DeletionCascade => {
    const cluster = clusterOf(app.object, clusters);
    const targets = applicationTargets(app.object, byDirectory);
    const cascades = (app.object.metadata?.finalizers ?? []).some((f) =>
      resourcesFinalizers.includes(f),
    );
    const deleted = cascades
      ? targets.filter((t) => deletedWithApplication(app.object, t.object))
      : [];
    const kept = targets.filter((t) => !deleted.includes(t));
    const namespaces = deleted.filter(
      (t) => kindOf(t.object) === 'Namespace' && groupOf(t.object.apiVersion) === '',
    );
    seen.add(nameOf(app.object));
    return {
      application: nameOf(app.object),
      file: app.file,
      cluster,
      cascades,
      deletes: deleted.map((t) => objectLabel(t.object)),
      keeps: kept.map((t) => objectLabel(t.object)),
      inDeletedNamespaces: namespaces.map((ns) => {
        const inside = objects.filter(
          (o) =>
            o.file.split('/')[1] === cluster &&
            namespaceOf(o.object) === nameOf(ns.object) &&
            owners.get(o) !== nameOf(app.object),
        );
        return {
          namespace: nameOf(ns.object),
          objects: inside.map((o) => objectLabel(o.object)),
          applications: [...new Set(inside.map((o) => owners.get(o) ?? 'none'))].sort(),
        };
      }),
      children: deleted
        .filter((t) => isApplication(t.object) && !seen.has(nameOf(t.object)))
        .flatMap((t) => {
          const child = applications.find((a) => nameOf(a.object) === nameOf(t.object));
          return child ? [cascadeOf(child, seen)] : [];
        }),
    };
  };
  return applications.map((app) => cascadeOf(app, new Set()));
}

function clusterOf(application: KubeObject, clusters: readonly ConvergeCluster[]): string {
  const destination = application.spec?.destination ?? {};
  const spec =
    destination.name === inClusterName || destination.server === 'https://kubernetes.default.svc'
      ? clusters.find((c) => c.role === 'management')
      : clusters.find((c) => c.destinationName === destination.name);
  return spec?.name ?? '';
}

/** Everything a cascade deletes, children and namespaces included. */
export function totalDeleted(cascade: DeletionCascade): number {
  return (
    cascade.deletes.length +
    cascade.inDeletedNamespaces.reduce((n, ns) => n + ns.objects.length, 0) +
    cascade.children.reduce((n, child) => n + totalDeleted(child), 0)
  );
}

/** One sentence: what `kubectl delete application <name>` would do. */
export function describeDeletion(cascade: DeletionCascade): string {
  const head = `kubectl delete application ${cascade.application}`;
  const total = cascade.deletes.length + cascade.keeps.length;
  if (!cascade.cascades)
    return `${head}: no resources finalizer, so only the Application goes; its ${total} resources stay and keep running${cascade.children.length === 0 && cascade.keeps.some((k) => k.startsWith('Application/')) ? ' (its child Applications keep syncing themselves)' : ''}`;
  const parts = [
    `deletes ${cascade.deletes.length} of its ${total} resources (resources finalizer)`,
  ];
  if (cascade.keeps.length > 0) parts.push(`keeps ${cascade.keeps.length} (Delete=false or CRDs)`);
  for (const ns of cascade.inDeletedNamespaces.filter((n) => n.objects.length > 0))
    parts.push(
      `deleting Namespace ${ns.namespace} also deletes ${ns.objects.length} objects of ${ns.applications.join(', ')}`,
    );
  if (cascade.children.length > 0)
    parts.push(
      `and its ${cascade.children.length} child Applications, which delete theirs: ${totalDeleted(cascade) - cascade.deletes.length} more objects in all`,
    );
  return `${head}: ${parts.join('; ')}`;
}
