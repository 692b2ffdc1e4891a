import { counted } from '@platform/manifests';
import type { RenderedDiff } from '../diff/rendered-diff';
import type { DiffLine } from './resource-lines';
import { resourceLines } from './resource-lines';
import {
  changesByApp,
  deletions,
  headline,
  recreations,
  resourceRef,
  summaryColumns,
  summaryRows,
} from './summary-lines';

const COLOURS: Record<DiffLine['sign'], string> = {
  '+': '\u001b[32m',
  '-': '\u001b[31m',
  '~': '\u001b[33m',
  '!': '\u001b[1;35m',
  ' ': '',
};
const RESET = '\u001b[0m';

/**
 * The diff for a terminal: headline, per-app table, deletions and recreates called out, then every
 * change by app. `colour` only when writing to a TTY (the CLI decides).
 */
export function formatTerminal(diff: RenderedDiff, { colour }: { colour: boolean }): string {
  const paint = (line: DiffLine) =>
    colour && COLOURS[line.sign] ? `${COLOURS[line.sign]}${line.text}${RESET}` : line.text;
  const out: string[] = [headline(diff)];
  if (diff.changes.length === 0) return `${out[0]}\n`;
  out.push('', ...table([...summaryColumns], summaryRows(diff)));
  const removed = deletions(diff);
  if (removed.length > 0) {
    out.push(
      '',
      paint({
        sign: '-',
        text: `DELETIONS: ArgoCD prunes ${counted(removed.length, 'resource')} from the cluster on sync:`,
      }),
    );
    for (const change of removed)
      out.push(
        paint({
          sign: '-',
          text: `  - ${resourceRef(change)}${change.impact ? `: ${change.impact}` : ''}`,
        }),
      );
  }
  const recreated = recreations(diff);
  if (recreated.length > 0) {
    out.push(
      '',
      paint({
        sign: '!',
        text: `RECREATES: ${counted(recreated.length, 'resource')} change${recreated.length === 1 ? 's' : ''} immutable fields (delete and create; the sync fails unless replaced):`,
      }),
    );
    for (const change of recreated) {
      const reasons = [...new Set(change.fields.flatMap((f) => (f.recreate ? [f.recreate] : [])))];
      out.push(paint({ sign: '!', text: `  ! ${resourceRef(change)}: ${reasons.join('; ')}` }));
    }
  }
  for (const [app, changes] of changesByApp(diff)) {
    out.push('', `== ${app}`);
    const noiseOnly = changes.filter((c) => c.chartNoiseOnly);
    for (const change of changes.filter((c) => !c.chartNoiseOnly))
      out.push(...resourceLines(change).map(paint));
    if (noiseOnly.length > 0) {
      out.push(
        `  ${counted(noiseOnly.length, 'resource')} changed only in chart labels/checksums: ${noiseOnly.map((c) => resourceRef(c).split('  ')[1]).join(', ')}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
