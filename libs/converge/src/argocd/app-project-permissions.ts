import type { KubeObject } from '../kube/kube-object';

// The AppProject checks of Argo CD 3.5.1 (pkg/apis/application/v1alpha1/app_project_types.go:
// IsSourcePermitted, IsDestinationPermitted, IsGroupKindNamePermitted; controller/sync.go,
// validateSyncPermissions). Patterns are globs; a pattern starting with `!` denies.

interface GroupKindItem {
  group?: string;
  kind?: string;
  name?: string;
}

/** util/glob, Match: `*` matches any run of characters (and `/` too, as Argo CD's default). */
export function globMatch(pattern: string, value: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*')) return pattern === value;
  let expression = compiledGlobs.get(pattern);
  if (!expression) {
    const parts = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
    expression = new RegExp(`^${parts.join('.*')}$`);
    compiledGlobs.set(pattern, expression);
  }
  return expression.test(value);
}
const compiledGlobs = new Map<string, RegExp>();

function inList(
  items: readonly GroupKindItem[],
  group: string,
  kind: string,
  name: string,
): boolean {
  return items.some(
    (item) =>
      globMatch(item.group ?? '', group) &&
      globMatch(item.kind ?? '', kind) &&
      (item.name === undefined || globMatch(item.name, name)),
  );
}

/**
 * IsGroupKindNamePermitted: a namespaced kind is allowed when `namespaceResourceWhitelist` is
 * absent or lists it, and no blacklist entry does; a cluster-scoped kind only when
 * `clusterResourceWhitelist` lists it and `clusterResourceBlacklist` does not.
 */
export function isGroupKindPermitted(
  project: KubeObject,
  group: string,
  kind: string,
  name: string,
  namespaced: boolean,
): boolean {
  const spec = project.spec ?? {};
  if (namespaced) {
    const whitelist: GroupKindItem[] | undefined = spec.namespaceResourceWhitelist;
    const allowed =
      whitelist === undefined ||
      whitelist === null ||
      (whitelist.length > 0 && inList(whitelist, group, kind, name));
    return allowed && !inList(spec.namespaceResourceBlacklist ?? [], group, kind, name);
  }
  const whitelist: GroupKindItem[] = spec.clusterResourceWhitelist ?? [];
  return (
    whitelist.length > 0 &&
    inList(whitelist, group, kind, name) &&
    !inList(spec.clusterResourceBlacklist ?? [], group, kind, name)
  );
}

/** Globs with `!` denials: any denial that matches wins, else any allow that matches. */
function allowedByPatterns(patterns: readonly string[], value: string, match = globMatch): boolean {
  let allowed = false;
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (match(pattern.slice(1), value)) return false;
    } else if (match(pattern, value)) allowed = true;
  }
  return allowed;
}

/** git.NormalizeGitURL, enough for comparisons: lower case, no `.git` suffix or trailing slash. */
const normalizedRepo = (url: string) =>
  url
    .toLowerCase()
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');

/** IsSourcePermitted: `sourceRepos` globs against the normalised repository URL. */
export function isSourcePermitted(project: KubeObject, repoURL: string): boolean {
  const patterns: string[] = (project.spec?.sourceRepos ?? []).map((p: string) =>
    p.startsWith('!') ? `!${normalizedRepo(p.slice(1))}` : normalizedRepo(p),
  );
  return allowedByPatterns(patterns, normalizedRepo(repoURL));
}

/**
 * IsDestinationPermitted: a `destinations` entry whose server or name matches the cluster and
 * whose namespace pattern matches the namespace (entries whose patterns start with `!` deny).
 */
export function isDestinationPermitted(
  project: KubeObject,
  destination: { name?: string; server?: string },
  namespace: string,
): boolean {
  let allowed = false;
  for (const item of (project.spec?.destinations ?? []) as {
    name?: string;
    server?: string;
    namespace?: string;
  }[]) {
    const deny = [item.name, item.server, item.namespace].some((p) => p?.startsWith('!'));
    const strip = (p: string | undefined) => (p ?? '').replace(/^!/, '');
    const clusterMatches =
      (destination.name !== undefined &&
        destination.name !== '' &&
        item.name !== undefined &&
        globMatch(strip(item.name), destination.name)) ||
      (destination.server !== undefined &&
        destination.server !== '' &&
        item.server !== undefined &&
        globMatch(strip(item.server), destination.server));
    if (!clusterMatches || !globMatch(strip(item.namespace), namespace)) continue;
    if (deny) return false;
    allowed = true;
  }
  return allowed;
}

/**
 * controller/sync.go, validateSyncPermissions: the error message Argo CD fails a resource with,
 * or undefined when the project permits it.
 */
export function syncPermissionError(
  project: KubeObject,
  destination: { name?: string; server?: string },
  object: KubeObject,
  group: string,
  namespaced: boolean,
): string | undefined {
  const kind = object.kind ?? '';
  if (!isGroupKindPermitted(project, group, kind, object.metadata?.name ?? '', namespaced))
    return `resource ${group}:${kind} is not permitted in project ${project.metadata?.name}`;
  const namespace = object.metadata?.namespace ?? '';
  if (namespaced && !isDestinationPermitted(project, destination, namespace))
    return `namespace ${namespace} is not permitted in project '${project.metadata?.name}'`;
  return undefined;
}
