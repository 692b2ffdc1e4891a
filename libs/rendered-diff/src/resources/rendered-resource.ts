/** A file under rendered/, as read from disk or from a Git revision. */
export interface RenderedFile {
  /** Repository-relative path: `rendered/<cluster>/<app>/<component>/<file>.yaml`. */
  path: string;
  content: string;
}

/**
 * What a resource is, independent of where its file lives: moving a file or renaming a component
 * folder keeps the identity, so only a change of cluster, group, kind, namespace or name is a
 * delete-and-create.
 */
export interface ResourceIdentity {
  cluster: string;
  /** API group (`apps`, `argoproj.io`); empty for the core group. */
  group: string;
  kind: string;
  /** Empty for cluster-scoped resources. */
  namespace: string;
  name: string;
}

/** Where a resource was found: used for grouping and for pointing at the file, never for identity. */
export interface ResourceOrigin {
  app: string;
  component: string;
  file: string;
}

export interface RenderedResource {
  identity: ResourceIdentity;
  origin: ResourceOrigin;
  /**
   * The object itself; for a Helm values file `{ chart: { name, version }, values }`, so a chart
   * bump and each values key show as fields.
   */
  value: unknown;
}

/** Kind used for the Helm values file of a chart component (one per cluster, app and component). */
export const helmValuesKind = 'HelmValues';

/** A stable string key for maps and sorting. */
export function identityKey(identity: ResourceIdentity): string {
  const { cluster, group, kind, namespace, name } = identity;
  return `${cluster}\u0000${group}\u0000${kind}\u0000${namespace}\u0000${name}`;
}

/** `Deployment observability/datadog-agent` or `Namespace ci-jobs`. */
export function describeIdentity(identity: ResourceIdentity): string {
  const where = identity.namespace ? `${identity.namespace}/${identity.name}` : identity.name;
  return `${identity.kind} ${where}`;
}
