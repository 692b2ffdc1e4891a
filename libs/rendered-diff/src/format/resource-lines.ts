import { formatPath } from '../fields/field-change';
import type { ResourceChange, ResourceFieldChange } from '../diff/rendered-diff';
import { describeIdentity } from '../resources/rendered-resource';
import { textLinesDiff } from './text-lines-diff';
import { isMultiline, valueText } from './value-text';

/** A line of the human diff; `sign` drives colour in a terminal and `diff` highlighting in GitLab. */
export interface DiffLine {
  sign: ' ' | '-' | '+' | '~' | '!';
  text: string;
}

/** The heading of a resource: `~ Deployment observability/agent (apps)`. */
export function resourceHeading(change: ResourceChange): DiffLine {
  const group = change.identity.group ? ` (${change.identity.group})` : '';
  const label = `${describeIdentity(change.identity)}${group}`;
  switch (change.change) {
    case 'added':
      return { sign: '+', text: `+ ${label}  new  ${change.origin.file}` };
    case 'removed':
      return {
        sign: '-',
        text: `- ${label}  DELETED on sync${change.impact ? `: ${change.impact}` : ''}`,
      };
    default: {
      const moved = change.movedFrom ? `  (file moved from ${change.movedFrom})` : '';
      return {
        sign: change.recreates ? '!' : '~',
        text: `~ ${label}${change.recreates ? '  RECREATED' : ''}${moved}`,
      };
    }
  }
}

/** Heading plus one line per field (chart noise last, in one line). */
export function resourceLines(change: ResourceChange): DiffLine[] {
  const lines = [resourceHeading(change)];
  const real = change.fields.filter((field) => !field.chartNoise);
  for (const field of real) lines.push(...fieldLines(field));
  const noise = change.fields.filter((field) => field.chartNoise);
  if (noise.length > 0) {
    const names = [...new Set(noise.map((field) => String(field.path[field.path.length - 1])))];
    lines.push({ sign: ' ', text: `    (chart labels/checksums: ${names.join(', ')})` });
  }
  return lines;
}

export function fieldLines(field: ResourceFieldChange): DiffLine[] {
  const path = formatPath(field.path);
  const recreate = field.recreate ? `   ⚠ forces recreate: ${field.recreate}` : '';
  if (field.op === 'added')
    return [{ sign: '+', text: `+   ${path}: ${valueText(field.after)}${recreate}` }];
  if (field.op === 'removed')
    return [{ sign: '-', text: `-   ${path}: ${valueText(field.before)}${recreate}` }];
  if (isMultiline(field.before) || isMultiline(field.after)) {
    const text = textLinesDiff(String(field.before ?? ''), String(field.after ?? ''));
    return [
      { sign: field.recreate ? '!' : '~', text: `    ${path}:${recreate}` },
      ...text.map((line) => ({ sign: line.sign, text: `${line.sign}       ${line.text}` })),
    ];
  }
  return [
    {
      sign: field.recreate ? '!' : '~',
      text: `    ${path}: ${valueText(field.before, 80)} → ${valueText(field.after, 80)}${recreate}`,
    },
  ];
}
