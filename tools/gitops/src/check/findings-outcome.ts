import { counted, formatFinding, type Finding } from '@platform/manifests';
import type { CheckOutcome } from './check-section';

/**
 * The outcome of a section whose result is a list of findings: failed on any, one line per
 * finding with its rule, then `<name>: <what passing means>` or `<name>: N errors`.
 */
export function findingsOutcome(
  name: string,
  findings: readonly Finding[],
  passing: string,
  extra: { json?: object; lines?: string[] } = {},
): CheckOutcome {
  return {
    failed: findings.length > 0,
    json: { findings, ...extra.json },
    lines: [
      ...(extra.lines ?? []),
      ...findings.map((f) => `${formatFinding(f)}  [${f.rule}]`),
      `${name}: ${findings.length === 0 ? passing : counted(findings.length, 'error')}`,
    ],
  };
}
