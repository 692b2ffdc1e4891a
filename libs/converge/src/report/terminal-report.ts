import { counted } from '@platform/manifests';
import type { ConvergeResult } from '../simulation/converge-result';
import { timelineRows } from './timeline-rows';
import { stuckWhere, verdictSentence } from './verdict-text';

/** The terminal report: per cluster its timeline, its verdict, its warnings; then assumptions. */
export function formatConvergeReport(result: ConvergeResult): string {
  const lines: string[] = [];
  for (const cluster of result.clusters) {
    lines.push(`cluster ${cluster.name}:`);
    for (const row of timelineRows(cluster)) {
      const done = row.doneStep === undefined ? 'never done' : `done at step ${row.doneStep}`;
      lines.push(
        `  ${row.wave.padEnd(34)} step ${String(row.firstStep).padStart(3)}  ${counted(row.objects, 'object').padEnd(11)} ${row.applications.join(', ')}  (${done})`,
      );
      if (row.failed) lines.push(`      failed: ${row.failed}`);
      else if (row.waitedFor && row.doneStep === undefined)
        lines.push(`      waiting: ${row.waitedFor}`);
    }
    lines.push(`  => ${cluster.name} ${verdictSentence(cluster)}`);
    if (cluster.stuck) lines.push(`     (${stuckWhere(cluster.stuck)})`);
    for (const warning of cluster.warnings)
      lines.push(`  warning [${warning.rule}] ${warning.message}`);
    lines.push('');
  }
  lines.push('assumed (the outside world works):');
  for (const assumption of result.assumptions) lines.push(`  - ${assumption}`);
  const converged = result.clusters.filter((c) => c.converged).length;
  lines.push(`converge: ${converged} of ${counted(result.clusters.length, 'cluster')} converge`);
  return `${lines.join('\n')}\n`;
}
