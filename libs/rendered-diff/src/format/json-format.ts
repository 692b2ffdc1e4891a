import type { RenderedDiff } from '../diff/rendered-diff';
import { formatPath } from '../fields/field-change';

/** The diff as data: field paths formatted as in the text output, values as parsed. */
export function formatJson(diff: RenderedDiff): string {
  const changes = diff.changes.map((change) => ({
    ...change,
    fields: change.fields.map((field) => ({ ...field, path: formatPath(field.path) })),
  }));
  return `${JSON.stringify({ totals: diff.totals, apps: diff.apps, changes }, null, 2)}\n`;
}
