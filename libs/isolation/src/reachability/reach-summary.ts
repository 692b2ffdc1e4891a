import type { RenderedObject } from '../rendered/rendered-objects';
import { byCluster } from '../rendered/rendered-objects';
import { clusterReach, type PoolReach } from './node-reachability';

/** What lands on one pool's nodes, as `gitops check` prints it. */
export interface PoolReachSummary {
  cluster: string;
  pool: string;
  privileged: boolean;
  /** `namespace/name` of each ServiceAccount whose token lands there, with its escalation grants. */
  tokens: { account: string; grants: string[] }[];
  /** `namespace/name (keys)` of each Secret the pods there reference. */
  secrets: string[];
}

export function reachSummaries(objects: readonly RenderedObject[]): PoolReachSummary[] {
  return [...byCluster(objects)].flatMap(([cluster, clusterObjects]) =>
    clusterReach(cluster, clusterObjects).map(summary),
  );
}

function summary(reach: PoolReach): PoolReachSummary {
  const tokens = new Map<string, Set<string>>();
  const secrets = new Map<string, Set<string>>();
  for (const { template, credentials, grants } of reach.workloads) {
    if (credentials.tokenOf) {
      const held = tokens.get(credentials.tokenOf) ?? new Set<string>();
      for (const grant of grants) held.add(grant.detail);
      tokens.set(credentials.tokenOf, held);
    }
    for (const secret of credentials.secrets) {
      const id = `${template.namespace}/${secret.name}`;
      const keys = secrets.get(id) ?? new Set<string>();
      for (const key of secret.keys === 'all' ? ['*'] : secret.keys) keys.add(key);
      secrets.set(id, keys);
    }
  }
  const sorted = <T>(entries: Iterable<[string, T]>) =>
    [...entries].sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    cluster: reach.cluster,
    pool: reach.pool.name,
    privileged: reach.privileged,
    tokens: sorted(tokens).map(([account, grants]) => ({ account, grants: [...grants].sort() })),
    secrets: sorted(secrets).map(([id, keys]) => `${id} (${[...keys].sort().join(', ')})`),
  };
}

/** One line per pool: `ci/ci-privileged (privileged jobs): tokens …; Secrets …`. */
export function formatReachSummary(summary: PoolReachSummary): string {
  const tokens = summary.tokens
    .map((t) =>
      t.grants.length > 0
        ? `${t.account} [${t.grants.join('; ')}]`
        : `${t.account} (no escalation grant)`,
    )
    .join(', ');
  return `${summary.cluster}/${summary.pool}${summary.privileged ? ' (privileged jobs)' : ''}: tokens ${tokens || 'none'}; Secrets ${summary.secrets.join(', ') || 'none'}`;
}
