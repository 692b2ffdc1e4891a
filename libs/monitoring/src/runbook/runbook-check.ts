import type { GitRepository } from '@platform/config';
import { parseSourceFile, type Finding } from '@platform/manifests';
import { linkedRepositoryPaths, runbooksRoot } from './runbook-location';

export interface TextFile {
  /** Repository-relative POSIX path. */
  path: string;
  content: string;
}

export interface RunbookCheckInput {
  repository: GitRepository;
  /** Rendered manifests; the DatadogMonitors among them are checked. */
  renderedFiles: readonly TextFile[];
  /** Every Markdown file under docs/runbooks/. */
  runbooks: readonly TextFile[];
}

/** The sections an on-call engineer looks for, in this order of need. */
export const runbookSections = [
  'What fired',
  'Impact',
  'First checks',
  'Mitigation',
  'Escalation',
] as const;

const rule = 'monitor-runbook';

/**
 * Every DatadogMonitor links exactly one runbook, at its URL in this repository, and that runbook
 * exists under docs/runbooks/; every runbook is linked by at least one monitor and has the sections
 * on-call needs. A broken link is found here, not by the engineer who clicks it at 3 a.m.
 */
export function checkRunbooks(input: RunbookCheckInput): Finding[] {
  const runbookPaths = new Set(input.runbooks.map((runbook) => runbook.path));
  const linked = new Set<string>();
  const findings: Finding[] = [];
  for (const file of input.renderedFiles) {
    for (const document of parseSourceFile(file).documents) {
      const monitor = document.value as MonitorShape;
      if (monitor?.kind !== 'DatadogMonitor') continue;
      const resource = `DatadogMonitor/${monitor.metadata?.namespace}/${monitor.metadata?.name}`;
      const message = monitor.spec?.message ?? '';
      const at = { file: file.path, ...document.locate(['spec', 'message']), resource };
      const links = linkedRepositoryPaths(input.repository, message);
      links.forEach((path) => linked.add(path));
      findings.push(...linkFindings(links, runbookPaths, at));
    }
  }
  for (const runbook of input.runbooks) {
    const at = { file: runbook.path, line: 1, column: 1, resource: '-' };
    if (!linked.has(runbook.path))
      findings.push(finding(at, 'no DatadogMonitor links this runbook: delete it or link it'));
    for (const section of runbookSections)
      if (!new RegExp(`^## ${section}\\s*$`, 'm').test(runbook.content))
        findings.push(finding(at, `runbook has no "## ${section}" section`));
  }
  return findings;
}

interface MonitorShape {
  kind?: string;
  metadata?: { name?: string; namespace?: string };
  spec?: { message?: string };
}

type FindingPlace = Pick<Finding, 'file' | 'line' | 'column' | 'resource'>;

function linkFindings(
  links: string[],
  runbookPaths: ReadonlySet<string>,
  at: FindingPlace,
): Finding[] {
  if (links.length === 0)
    return [finding(at, `message links no runbook (expected a URL to ${runbooksRoot}/…)`)];
  if (links.length > 1)
    return [
      finding(at, `message links ${links.length} repository files; link exactly one runbook`),
    ];
  const [path] = links as [string];
  if (!path.startsWith(`${runbooksRoot}/`) || !path.endsWith('.md'))
    return [finding(at, `runbook link ${path} is not a Markdown file under ${runbooksRoot}/`)];
  if (!runbookPaths.has(path))
    return [finding(at, `runbook link ${path} does not resolve to a file in the repository`)];
  return [];
}

function finding(at: FindingPlace, message: string): Finding {
  return {
    ...at,
    field: at.resource === '-' ? '' : 'spec.message',
    message,
    severity: 'error',
    rule,
  };
}
