import type { ConvergeResult } from '../simulation/converge-result';
import { timelineRows } from './timeline-rows';
import { stuckWhere, verdictSentence } from './verdict-text';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The report as Markdown: a table per cluster, its verdict and warnings, the assumptions. */
export function formatConvergeMarkdown(result: ConvergeResult): string {
  const lines: string[] = ['## Converge: every cluster from empty, as Argo CD 3.5.1 syncs it', ''];
  for (const cluster of result.clusters) {
    lines.push(`### ${cluster.name}: ${cell(verdictSentence(cluster))}`, '');
    if (cluster.stuck) lines.push(`${cell(stuckWhere(cluster.stuck))}`, '');
    lines.push(
      '| wave | Applications | objects | applied at | done at | waited for |',
      '| --- | --- | ---: | ---: | ---: | --- |',
    );
    for (const row of timelineRows(cluster)) {
      lines.push(
        `| ${cell(row.wave)} | ${cell(row.applications.join(', '))} | ${row.objects} | ${row.firstStep} | ${row.doneStep ?? 'never'} | ${cell(row.failed ?? (row.doneStep === undefined ? (row.waitedFor ?? '') : ''))} |`,
      );
    }
    lines.push('');
    for (const warning of cluster.warnings)
      lines.push(`- **${warning.rule}**: ${cell(warning.message)}`);
    if (cluster.warnings.length > 0) lines.push('');
  }
  lines.push(
    'Assumed (the outside world works):',
    '',
    ...result.assumptions.map((a) => `- ${a}`),
    '',
  );
  return lines.join('\n');
}
