const RENDERED_CLUSTER = /(?:^|\/)rendered\/([^/]+)\//;

/**
 * The cluster a file deploys to, from the rendered layout `rendered/<cluster>/<app>/…`. Namespace
 * exemptions are looked up within one cluster: `observability` on ci must not exempt pods in a
 * namespace of the same name on mgmt. Files outside that layout share one scope (`''`).
 */
export function clusterOfPath(path: string): string {
  return RENDERED_CLUSTER.exec(path)?.[1] ?? '';
}
