import type { Finding } from '@platform/manifests';
import {
  groupOf,
  readDeliveryPlan,
  type ApplicationView,
  type DeliveryPlan,
  type RenderedObject,
} from './delivery-plan';

/** How ArgoCD names a cluster, and the namespaces that exist there before any sync. */
export interface DeliveryCluster {
  /** The folder under rendered/. */
  name: string;
  /** `destination.name` of the Applications that deploy to it. */
  destinationName: string;
  /** Namespaces the cluster has without this repository (kube-system, …). */
  providedNamespaces: readonly string[];
}

/**
 * Checks rendered/ the way ArgoCD will apply it: every object is synced by exactly one Application
 * whose destination is the object's cluster; its AppProject allows the object's namespace and
 * kind; its namespace exists (created by a component in an earlier or equal sync wave, or provided
 * by the cluster); and every Application points at a directory that exists.
 */
export function checkDelivery(
  files: readonly { path: string; content: string }[],
  clusters: readonly DeliveryCluster[],
): Finding[] {
  const plan = indexed(readDeliveryPlan(files));
  const findings: Finding[] = [];
  const renderedDirectories = new Set(plan.objects.map((o) => o.directory));
  for (const application of plan.applications) {
    if (!renderedDirectories.has(application.path)) {
      findings.push(
        finding(
          application.object,
          'spec.source.path',
          'delivery-missing-directory',
          `syncs ${application.path}, which holds no rendered object: render the component, or drop its Application`,
        ),
      );
    }
  }
  for (const object of plan.objects) findings.push(...checkObject(plan, object, clusters));
  return findings;
}

/**
 * The part of the delivery check that needs no Application: every namespaced object's namespace
 * is created by a Namespace object on its cluster, or provided by the cluster. A render of one
 * app runs it over its files together with the rest of rendered/, before the Applications of new
 * components exist (the full check then also orders namespaces by sync wave).
 */
export function checkNamespacesCreated(
  files: readonly { path: string; content: string }[],
  clusters: readonly DeliveryCluster[],
): Finding[] {
  const plan = indexed(readDeliveryPlan(files));
  return plan.objects.flatMap((object) => {
    const namespace = object.namespace;
    const cluster = clusters.find((c) => c.name === object.cluster);
    if (namespace === undefined || cluster?.providedNamespaces.includes(namespace)) return [];
    if (plan.namespaceCreators.has(`${object.cluster}/${namespace}`)) return [];
    return [
      finding(
        object,
        'metadata.namespace',
        'delivery-namespace-missing',
        missingNamespace(namespace, object.cluster),
      ),
    ];
  });
}

const missingNamespace = (namespace: string, cluster: string) =>
  `namespace "${namespace}" is created by no component on cluster ${cluster}`;

/**
 * The plan with the lookups every object makes, by key: a scan of all Applications and all
 * objects per object made the check quadratic (minutes at thousands of components).
 */
interface IndexedPlan extends DeliveryPlan {
  applicationsByPath: Map<string, ApplicationView[]>;
  /** Namespace objects by `<cluster>/<name>`. */
  namespaceCreators: Map<string, RenderedObject[]>;
}

function indexed(plan: DeliveryPlan): IndexedPlan {
  const applicationsByPath = groupBy(plan.applications, (a) => a.path);
  const namespaces = plan.objects.filter((o) => o.kind === 'Namespace' && o.apiVersion === 'v1');
  const namespaceCreators = groupBy(namespaces, (o) => `${o.cluster}/${o.name}`);
  return { ...plan, applicationsByPath, namespaceCreators };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function checkObject(
  plan: IndexedPlan,
  object: RenderedObject,
  clusters: readonly DeliveryCluster[],
): Finding[] {
  const owners = plan.applicationsByPath.get(object.directory) ?? [];
  if (owners.length !== 1) {
    const message =
      owners.length === 0
        ? `no Application syncs ${object.directory}: render argocd-root`
        : `${owners.length} Applications sync ${object.directory} (${owners.map((a) => a.name).join(', ')})`;
    return [finding(object, '', 'delivery-unsynced', message)];
  }
  const application = owners[0]!;
  const cluster = clusters.find((c) => c.name === object.cluster);
  if (!cluster || cluster.destinationName !== application.destinationName) {
    return [
      finding(
        object,
        '',
        'delivery-cluster',
        `is under rendered/${object.cluster}/ but Application ${application.name} deploys to "${application.destinationName}"`,
      ),
    ];
  }
  return [
    ...checkProject(plan, object, application),
    ...checkNamespaceExists(plan, object, application, cluster),
  ];
}

function checkProject(
  plan: DeliveryPlan,
  object: RenderedObject,
  application: ApplicationView,
): Finding[] {
  const project = plan.projects.get(application.project);
  const where = `AppProject ${application.project} (Application ${application.name})`;
  if (!project) {
    return [finding(object, '', 'delivery-project', `${where} is not rendered`)];
  }
  const groupKind = { group: groupOf(object.apiVersion), kind: object.kind };
  const listed = (list: { group: string; kind: string }[]) =>
    list.some(
      (entry) =>
        (entry.group === '*' || entry.group === groupKind.group) &&
        (entry.kind === '*' || entry.kind === groupKind.kind),
    );
  if (object.namespace === undefined) {
    return listed(project.clusterResourceWhitelist)
      ? []
      : [
          finding(
            object,
            'kind',
            'delivery-cluster-resource',
            `${where} does not allow the cluster-scoped kind ${groupKind.group || 'core'}/${groupKind.kind}: the AppProjects list the kinds their components render, so re-render argocd-root`,
          ),
        ];
  }
  const findings: Finding[] = [];
  const allowed = project.destinations.some(
    (d) =>
      (d.name === application.destinationName || d.name === '*') &&
      (d.namespace === object.namespace || d.namespace === '*'),
  );
  if (!allowed) {
    findings.push(
      finding(
        object,
        'metadata.namespace',
        'delivery-destination',
        `${where} does not allow namespace "${object.namespace}" on ${application.destinationName}: set the component's namespace or additionalNamespaces`,
      ),
    );
  }
  if (project.namespaceResourceWhitelist && !listed(project.namespaceResourceWhitelist)) {
    findings.push(
      finding(
        object,
        'kind',
        'delivery-namespace-resource',
        `${where} does not allow ${groupKind.group || 'core'}/${object.kind}: the AppProjects list the kinds their components render, so re-render argocd-root`,
      ),
    );
  }
  return findings;
}

function checkNamespaceExists(
  plan: IndexedPlan,
  object: RenderedObject,
  application: ApplicationView,
  cluster: DeliveryCluster,
): Finding[] {
  const namespace = object.namespace;
  if (namespace === undefined || cluster.providedNamespaces.includes(namespace)) return [];
  const creators = plan.namespaceCreators.get(`${object.cluster}/${namespace}`) ?? [];
  const waveOf = (o: RenderedObject) =>
    plan.applicationsByPath.get(o.directory)?.[0]?.wave ?? Number.POSITIVE_INFINITY;
  if (creators.some((creator) => waveOf(creator) <= application.wave)) return [];
  const message =
    creators.length === 0
      ? missingNamespace(namespace, object.cluster)
      : `namespace "${namespace}" is created in sync wave ${Math.min(...creators.map(waveOf))}, after this object's wave ${application.wave}`;
  return [finding(object, 'metadata.namespace', 'delivery-namespace-missing', message)];
}

function finding(object: RenderedObject, field: string, rule: string, message: string): Finding {
  const path = field ? field.split('.') : [];
  return {
    file: object.file,
    ...object.document.locate(path),
    resource: [object.kind, object.namespace, object.name].filter(Boolean).join('/'),
    field,
    message,
    severity: 'error',
    rule,
  };
}
