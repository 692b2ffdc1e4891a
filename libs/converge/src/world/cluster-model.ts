import {
  groupOf,
  kindOf,
  nameOf,
  namespaceOf,
  versionOf,
  type KubeObject,
} from '../kube/kube-object';
import { crdGroupKind } from '../sync-engine/sync-tasks';
import { hasReadyEndpoints } from './service-endpoints';
import {
  builtInPlural,
  isBuiltInGroup,
  isClusterScopedBuiltIn,
  servedByCrd,
  type ServedKind,
} from './api-resources';

/** Who put an object into a cluster: an Application, or a bootstrap step, and from which file. */
export interface ObjectOrigin {
  /** The Application that applied it, or `bootstrap step N`. */
  by: string;
  /** The rendered file it came from, when it came from one. */
  file?: string;
  /** Simulation step it was applied at. */
  step: number;
  /** The rendered object last applied to it, when one was. */
  source?: KubeObject;
}

/** One object in a simulated cluster: its live value and where it came from. */
export interface LiveObject {
  object: KubeObject;
  origin: ObjectOrigin;
  /** Why the object is not working yet (a pod that cannot start, a store that cannot connect). */
  blockedBy?: string;
}

/** The cluster each stored object lives in (live objects are never shared between clusters). */
export const clusterOfLiveObject = new WeakMap<KubeObject, string>();

/** `group/Kind/namespace/name`, namespace empty for cluster-scoped objects. */
export const objectId = (group: string, kind: string, namespace: string, name: string): string =>
  `${group}/${kind}/${namespace}/${name}`;

/** The result of an API request against the model. */
export interface ApiResult {
  ok: boolean;
  message: string;
  notFound?: boolean;
}

/**
 * An EKS cluster as the API server would answer: the objects it stores, the kinds it serves
 * (built-in groups, and the kinds of the CRDs it stores, established as soon as they are created)
 * and the namespaces that exist. Admission is delegated to `admit`.
 */
export class ClusterModel {
  readonly live = new Map<string, LiveObject>();
  /** Counts every store and delete: the world only needs to react after one. */
  version = 0;
  /** Ids of the stored objects by `group/Kind`, for lookups of one kind (Secrets, webhooks). */
  private readonly idsByKind = new Map<string, Set<string>>();
  /** The stored CRDs by the `group/Kind` they define: what discovery serves. */
  private readonly crds = new Map<string, KubeObject>();

  constructor(
    readonly name: string,
    providedNamespaces: readonly string[],
    public admit: (
      cluster: ClusterModel,
      object: KubeObject,
      served: ServedKind,
    ) => string | undefined = () => undefined,
  ) {
    for (const namespace of ['default', ...providedNamespaces]) {
      this.store(
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } },
        { by: 'EKS', step: 0 },
      );
    }
  }

  /**
   * Serves a kind as if its CRD were installed: what the replay assumes once it has reported the
   * CRD missing, to look for what would block next.
   */
  assumeServed(group: string, kind: string, version: string, namespaced: boolean): void {
    this.crds.set(`${group}/${kind}`, {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `${kind.toLowerCase()}s.${group}` },
      spec: {
        group,
        names: { kind, plural: `${kind.toLowerCase()}s` },
        scope: namespaced ? 'Namespaced' : 'Cluster',
        versions: [{ name: version, served: true }],
      },
    });
  }

  /** Discovery: the kind's resource name and scope, if served. */
  served(apiVersion: string | undefined, kind: string): ServedKind | undefined {
    const group = groupOf(apiVersion);
    if (isBuiltInGroup(group))
      return { plural: builtInPlural(kind), namespaced: !isClusterScopedBuiltIn(kind) };
    const crd = this.crds.get(`${group}/${kind}`);
    if (crd) return servedByCrd(crd, versionOf(apiVersion));
    // An aggregated API: served while its APIService's Service has a ready endpoint.
    const service = this.aggregatedService(apiVersion);
    if (service && hasReadyEndpoints(this, service.namespace, service.name))
      return { plural: builtInPlural(kind), namespaced: true };
    return undefined;
  }

  /** The Service behind the APIService that serves `apiVersion`, if one is stored. */
  aggregatedService(
    apiVersion: string | undefined,
  ): { namespace: string; name: string } | undefined {
    const name = `${versionOf(apiVersion)}.${groupOf(apiVersion)}`;
    const service = this.live.get(objectId('apiregistration.k8s.io', 'APIService', '', name))
      ?.object.spec?.service;
    return service?.name
      ? { namespace: String(service.namespace ?? 'default'), name: String(service.name) }
      : undefined;
  }

  idOf(object: KubeObject, served: ServedKind): string {
    return objectId(
      groupOf(object.apiVersion),
      kindOf(object),
      served.namespaced ? namespaceOf(object) : '',
      nameOf(object),
    );
  }

  get(apiVersion: string, kind: string, namespace: string, name: string): LiveObject | undefined {
    const served = this.served(apiVersion, kind);
    return served
      ? this.live.get(objectId(groupOf(apiVersion), kind, served.namespaced ? namespace : '', name))
      : undefined;
  }

  hasNamespace(name: string): boolean {
    return this.live.has(objectId('', 'Namespace', '', name));
  }

  /**
   * Create or update, as `kubectl apply` would: the kind must be served ("no matches for kind"),
   * the namespace must exist, and admission must allow it.
   */
  apply(object: KubeObject, origin: ObjectOrigin): ApiResult {
    const served = this.served(object.apiVersion, kindOf(object));
    const aggregated = !served && this.aggregatedService(object.apiVersion);
    if (aggregated)
      return {
        ok: false,
        message: `the server is currently unable to handle the request: APIService ${versionOf(object.apiVersion)}.${groupOf(object.apiVersion)} is backed by Service ${aggregated.namespace}/${aggregated.name}, which has no ready endpoint`,
      };
    if (!served)
      return {
        ok: false,
        message: `no matches for kind "${kindOf(object)}" in version "${object.apiVersion ?? ''}"`,
      };
    const stored = served.namespaced ? object : withoutNamespace(object);
    if (served.namespaced && !this.hasNamespace(namespaceOf(stored)))
      return { ok: false, message: `namespaces "${namespaceOf(stored)}" not found` };
    const denied = this.admit(this, stored, served);
    if (denied !== undefined) return { ok: false, message: denied };
    const id = this.idOf(stored, served);
    const existing = this.live.get(id);
    this.store(
      { ...stored, status: existing?.object.status ?? stored.status },
      existing ? { ...existing.origin, source: origin.source } : origin,
    );
    return {
      ok: true,
      message: `${kindOf(stored).toLowerCase()}/${nameOf(stored)} ${existing ? 'configured' : 'created'}`,
    };
  }

  /** Stores an object without any check: what controllers and the outside world create. */
  store(object: KubeObject, origin: ObjectOrigin): LiveObject {
    const served = this.served(object.apiVersion, kindOf(object)) ?? {
      plural: '',
      namespaced: namespaceOf(object) !== '',
    };
    // A shallow copy: only the status and the metadata are ever replaced on a live object.
    const entry: LiveObject = { object: { ...object, metadata: { ...object.metadata } }, origin };
    clusterOfLiveObject.set(entry.object, this.name);
    const id = this.idOf(object, served);
    this.live.set(id, entry);
    this.indexKind(object, id, true);
    this.version++;
    const defined = crdGroupKind(object);
    if (defined) this.crds.set(defined, entry.object);
    if (kindOf(object) === 'Namespace' && groupOf(object.apiVersion) === '') {
      // kube-controller-manager creates every namespace's default ServiceAccount.
      const account = {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'default', namespace: nameOf(object) },
      };
      this.live.set(objectId('', 'ServiceAccount', nameOf(object), 'default'), {
        object: account,
        origin: { by: 'Kubernetes', step: origin.step },
      });
    }
    return entry;
  }

  delete(apiVersion: string, kind: string, namespace: string, name: string): ApiResult {
    const served = this.served(apiVersion, kind);
    const id =
      served && objectId(groupOf(apiVersion), kind, served.namespaced ? namespace : '', name);
    if (!id || !this.live.has(id))
      return { ok: false, notFound: true, message: `${kind} "${name}" not found` };
    const defined = crdGroupKind(this.live.get(id)!.object);
    if (defined) this.crds.delete(defined);
    this.indexKind(this.live.get(id)!.object, id, false);
    this.live.delete(id);
    this.version++;
    return { ok: true, message: `${kind.toLowerCase()}/${name} deleted` };
  }

  private indexKind(object: KubeObject, id: string, present: boolean): void {
    const kind = `${groupOf(object.apiVersion)}/${kindOf(object)}`;
    let ids = this.idsByKind.get(kind);
    if (!ids) this.idsByKind.set(kind, (ids = new Set()));
    if (present) ids.add(id);
    else ids.delete(id);
  }

  /** The stored objects of one `group/Kind`. */
  objectsOfKind(group: string, kind: string): LiveObject[] {
    return [...(this.idsByKind.get(`${group}/${kind}`) ?? [])].map((id) => this.live.get(id)!);
  }

  objects(): LiveObject[] {
    return [...this.live.values()];
  }
}

function withoutNamespace(object: KubeObject): KubeObject {
  if (!object.metadata?.namespace) return object;
  const metadata = { ...object.metadata };
  delete metadata.namespace;
  return { ...object, metadata };
}
