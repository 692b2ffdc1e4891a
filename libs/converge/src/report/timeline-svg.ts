import type { ConvergeResult } from '../simulation/converge-result';
import { timelineRows } from './timeline-rows';
import { verdictSentence } from './verdict-text';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const width = 860;
const labelWidth = 300;
const barWidth = 440;
const rowHeight = 20;

/**
 * The timeline as an SVG for the README: per cluster a row per wave (bootstrap steps, then the
 * parent waves that created its Applications), a bar from the step the wave was applied to the
 * step it was done (red to the end when it never was), and the verdict.
 */
export function convergeTimelineSvg(result: ConvergeResult): string {
  const lastStep = Math.max(
    1,
    ...result.clusters.flatMap((c) => timelineRows(c).map((r) => r.doneStep ?? r.firstStep)),
  );
  const x = (step: number) => labelWidth + Math.round((barWidth * step) / lastStep);
  const body: string[] = [];
  let y = 26;
  body.push(
    `<text x="10" y="${y}" font-weight="bold">How every cluster comes up from empty (Argo CD 3.5.1 replayed; steps are reconciliations)</text>`,
  );
  for (const cluster of result.clusters) {
    y += 28;
    const color = cluster.converged ? '#2e7d32' : '#c62828';
    body.push(
      `<text x="10" y="${y}" font-weight="bold" fill="${color}">${escape(`${cluster.name}: ${verdictSentence(cluster)}`).slice(0, 130)}</text>`,
    );
    for (const row of timelineRows(cluster)) {
      y += rowHeight;
      const end = row.doneStep ?? lastStep;
      const fill = row.doneStep === undefined ? '#c62828' : '#1565c0';
      const apps =
        row.applications.length === 1
          ? row.applications[0]
          : `${row.applications.length} Applications`;
      const label = row.applications.length === 0 ? row.wave : `${row.wave} (${apps})`;
      body.push(
        `<text x="10" y="${y}">${escape(label.length > 46 ? `${label.slice(0, 45)}…` : label)}</text>`,
      );
      body.push(
        `<rect x="${x(row.firstStep)}" y="${y - 12}" width="${Math.max(3, x(end) - x(row.firstStep))}" height="14" fill="${fill}"/>`,
      );
      body.push(
        `<text x="${labelWidth + barWidth + 10}" y="${y}">${row.objects} objects${row.doneStep === undefined ? ', never done' : ''}</text>`,
      );
    }
  }
  y += 24;
  body.push(
    `<text x="10" y="${y}" fill="#555555">x: reconciliation steps 0 to ${lastStep}; a bar runs from the step a wave is applied to the step it is healthy</text>`,
  );
  const height = y + 14;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `  <rect width="${width}" height="${height}" fill="#ffffff"/>`,
    '  <title>Converge timeline of every cluster</title>',
    ...body.map((line) => `  ${line}`),
    '</svg>',
    '',
  ].join('\n');
}
