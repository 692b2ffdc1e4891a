import { counted } from '@platform/manifests';
import type { RenderedDiff, ResourceChange } from '../diff/rendered-diff';
import { resourceLines } from './resource-lines';
import {
  changesByApp,
  countsText,
  deletions,
  headline,
  recreations,
  resourceRef,
  summaryColumns,
  summaryRows,
} from './summary-lines';

export interface MarkdownOptions {
  /** Most characters the note may have (GitLab's own limit is far above what anyone reads). */
  maxChars: number;
  /** Where the complete diff is (the CI artifact); named whenever anything is left out. */
  fullDiffLocation: string;
}

/** Lists in the always-shown part are cut at this many lines; the rest is counted. */
const LIST_LIMIT = 25;
/** Room kept for the "left out" notice. */
const NOTICE_RESERVE = 1_500;

/**
 * A merge-request note: headline and per-app table, deletions and recreates first, then one
 * collapsible section per app. Sections are added while they fit in `maxChars`; whatever does not
 * fit is named (app, how many resources of which kinds) with a pointer to the full diff, so the
 * note never cuts silently.
 */
export function formatMarkdown(diff: RenderedDiff, options: MarkdownOptions): string {
  const head = summarySection(diff);
  if (diff.changes.length === 0) return head;
  const sections: string[] = [];
  const leftOut: ResourceChange[][] = [];
  let used = head.length + NOTICE_RESERVE;
  for (const [app, changes] of changesByApp(diff)) {
    const fit = appSection(app, changes, options.maxChars - used);
    if (fit.text) {
      sections.push(fit.text);
      used += fit.text.length;
    }
    if (fit.omitted.length > 0) leftOut.push(fit.omitted);
  }
  const notice = leftOutNotice(leftOut, options);
  const note = [head, ...sections, notice].join('');
  // The reserve is sized for the notice; if a pathological input still overflows, keep the parts
  // that must be there (summary and notice) rather than cutting text mid-line.
  if (note.length <= options.maxChars) return note;
  return [head, leftOutNotice([diff.changes], options)].join('').slice(0, options.maxChars);
}

function summarySection(diff: RenderedDiff): string {
  const lines = [`### ${headline(diff)}`, ''];
  if (diff.changes.length === 0) return `${lines.join('\n')}\n`;
  const rows = summaryRows(diff);
  lines.push(
    `| ${summaryColumns.join(' | ')} |`,
    `|${summaryColumns.map((_, i) => (i < 2 ? ' --- ' : ' ---: ')).join('|')}|`,
  );
  for (const row of rows.slice(0, LIST_LIMIT * 2)) lines.push(`| ${row.join(' | ')} |`);
  if (rows.length > LIST_LIMIT * 2)
    lines.push(`| … ${rows.length - LIST_LIMIT * 2} more apps | | | | | | |`);
  lines.push('');
  const removed = deletions(diff);
  if (removed.length > 0) {
    lines.push(
      `> :warning: **${counted(removed.length, 'resource')} will be deleted**: ArgoCD prunes them from the cluster on sync.`,
      '>',
    );
    lines.push(
      ...capped(
        removed.map((c) => `> - \`${resourceRef(c)}\`${c.impact ? ` **${c.impact}**` : ''}`),
        '> ',
      ),
    );
    lines.push('');
  }
  const recreated = recreations(diff);
  if (recreated.length > 0) {
    lines.push(
      `> :warning: **${counted(recreated.length, 'resource')} will be recreated**: immutable fields change, so the sync fails until the resource is deleted and created again.`,
      '>',
    );
    const reasons = (c: ResourceChange) =>
      [...new Set(c.fields.flatMap((f) => (f.recreate ? [f.recreate] : [])))].join('; ');
    lines.push(
      ...capped(
        recreated.map((c) => `> - \`${resourceRef(c)}\`: ${reasons(c)}`),
        '> ',
      ),
    );
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

function capped(lines: string[], prefix: string): string[] {
  if (lines.length <= LIST_LIMIT) return lines;
  return [
    ...lines.slice(0, LIST_LIMIT),
    `${prefix}- … and ${lines.length - LIST_LIMIT} more (all in the full diff)`,
  ];
}

/** The app's section with as many resources as fit in `room`, and the resources that did not. */
function appSection(
  app: string,
  changes: ResourceChange[],
  room: number,
): { text: string; omitted: ResourceChange[] } {
  const counts = { added: 0, removed: 0, changed: 0, recreated: 0, chartNoiseOnly: 0 };
  for (const c of changes) {
    counts[c.change]++;
    if (c.recreates) counts.recreated++;
    if (c.chartNoiseOnly) counts.chartNoiseOnly++;
  }
  const open = `<details><summary><b>${app}</b>: ${countsText(counts)}</summary>\n\n\`\`\`diff\n`;
  const close = '```\n\n</details>\n\n';
  const noiseOnly = changes.filter((c) => c.chartNoiseOnly);
  const blocks = changes
    .filter((c) => !c.chartNoiseOnly)
    .map((change) => ({
      change,
      text: `${resourceLines(change)
        .map((l) => l.text)
        .join('\n')}\n`,
    }));
  if (noiseOnly.length > 0) {
    const names = noiseOnly.map((c) => resourceRef(c).split('  ')[1]).join(', ');
    blocks.push({
      change: noiseOnly[0]!,
      text: `  ${counted(noiseOnly.length, 'resource')} changed only in chart labels/checksums: ${names}\n`,
    });
  }
  let text = open;
  const omitted: ResourceChange[] = [];
  for (const [index, block] of blocks.entries()) {
    if (omitted.length === 0 && text.length + block.text.length + close.length <= room) {
      text += block.text;
    } else if (
      index === blocks.length - 1 &&
      noiseOnly.length > 0 &&
      block.change === noiseOnly[0]
    ) {
      omitted.push(...noiseOnly);
    } else {
      omitted.push(block.change);
    }
  }
  if (text === open) return { text: '', omitted: changes };
  return { text: `${text}${close}`, omitted };
}

function leftOutNotice(leftOut: ResourceChange[][], options: MarkdownOptions): string {
  if (leftOut.length === 0) return '';
  const total = leftOut.reduce((sum, group) => sum + group.length, 0);
  const lines = [
    `**Left out to stay within ${options.maxChars.toLocaleString('en-US')} characters: ${counted(total, 'resource change')}.** Full diff: ${options.fullDiffLocation}`,
    '',
  ];
  let length = lines.join('\n').length;
  for (const [index, group] of leftOut.entries()) {
    const kinds = new Map<string, number>();
    for (const c of group) kinds.set(c.identity.kind, (kinds.get(c.identity.kind) ?? 0) + 1);
    const first = group[0]!;
    const line = `- ${first.identity.cluster}/${first.origin.app}: ${group.length} (${[...kinds].map(([k, n]) => `${k} ×${n}`).join(', ')})`;
    if (length + line.length > NOTICE_RESERVE - 100) {
      lines.push(`- … and ${counted(leftOut.length - index, 'more app')}`);
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}
