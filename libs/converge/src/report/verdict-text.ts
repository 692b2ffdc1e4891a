import type { ClusterVerdict, StuckPoint } from '../simulation/converge-result';

/** `stuck at <application> wave <n> on <resource> because <reason>`. */
export function stuckSentence(point: StuckPoint): string {
  return `stuck at ${point.application} wave ${point.wave} on ${point.resource} because ${point.reason}`;
}

/** Where to fix it: the rendered file, the component it came from, the rule. */
export function stuckWhere(point: StuckPoint): string {
  const parts = [
    point.file && `file ${point.file}`,
    point.component && `component ${point.component}`,
    `rule ${point.rule}`,
  ];
  return parts.filter(Boolean).join(', ');
}

/** `converged in N waves` or the stuck sentence. */
export function verdictSentence(cluster: ClusterVerdict): string {
  if (cluster.converged) return `converged in ${cluster.waves} waves`;
  return cluster.stuck ? stuckSentence(cluster.stuck) : 'did not converge';
}

/** The JSON document of `gitops converge --json`. */
export function convergeJson(clusters: readonly ClusterVerdict[]): unknown {
  return {
    clusters: clusters.map((c) => ({
      name: c.name,
      converged: c.converged,
      waves: c.waves,
      stuck: c.stuck
        ? {
            application: c.stuck.application,
            wave: c.stuck.wave,
            resource: c.stuck.resource,
            file: c.stuck.file,
            reason: c.stuck.reason,
            rule: c.stuck.rule,
          }
        : null,
      warnings: c.warnings.map((w) => ({
        rule: w.rule,
        message: w.message,
        ...(w.file ? { file: w.file } : {}),
      })),
    })),
  };
}

/** The `gitops check` section: one line per cluster that does not converge, then a summary. */
export function formatConvergeSummary(result: { clusters: readonly ClusterVerdict[] }): string[] {
  const lines = result.clusters
    .filter((c) => !c.converged)
    .map(
      (c) =>
        `${c.stuck?.file || '-'}  ${c.name}: ${verdictSentence(c)}  [${c.stuck?.rule ?? 'converge'}]`,
    );
  const summary = result.clusters
    .map((c) => `${c.name} ${c.converged ? `in ${c.waves} waves` : 'stuck'}`)
    .join(', ');
  const all = result.clusters.every((c) => c.converged);
  lines.push(
    `converge: ${all ? 'every cluster comes up from empty' : 'not every cluster comes up from empty'} (${summary})`,
  );
  return lines;
}
