import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { helmValuesFileName } from '@platform/core';
import type { Finding } from '@platform/manifests';
import { componentFileName } from '../workspace/load-catalog';

/**
 * A finding in a chart component's values.yaml, told also where those values are written: the
 * component file, at the line that spells the offending key when the file spells it (a misspelt
 * value is fixed there, never in rendered/).
 */
export function withValuesSource(root: string, findings: readonly Finding[]): Finding[] {
  return findings.map((finding) => {
    const [top, , app, component, file] = finding.file.split('/');
    if (top !== 'rendered' || file !== helmValuesFileName || !app || !component) return finding;
    const source = `apps/${app}/src/${component}/${componentFileName}`;
    const line = keyLine(join(root, source), lastKey(finding.field));
    return {
      ...finding,
      message: `${finding.message} (the values of ${source}${line ? `:${line}` : ''})`,
    };
  });
}

/** `controller.resources[0].limits` → `limits`. */
function lastKey(field: string): string | undefined {
  return field
    .split('.')
    .map((segment) => segment.replace(/\[\d+\]$/, ''))
    .filter(Boolean)
    .at(-1);
}

/** The 1-based line of the first `key:` (bare or quoted) in the file, if it has one. */
function keyLine(path: string, key: string | undefined): number | undefined {
  if (!key) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(^|[\\s{,])(['"]?)${escaped}\\2\\s*:`, 'm').exec(text);
  return match ? text.slice(0, match.index + match[1]!.length).split('\n').length : undefined;
}
