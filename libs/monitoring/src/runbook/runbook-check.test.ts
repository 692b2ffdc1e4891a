import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkRunbooks, runbookSections } from './runbook-check';

const repository = { url: 'https://gitlab.example.com/group/repo.git', revision: 'main' };
const blob = 'https://gitlab.example.com/group/repo/-/blob/main';

function monitorFile(name: string, message: string) {
  return {
    path: `rendered/ci/observability/monitors/datadogmonitor-observability-${name}.yaml`,
    content: stringify({
      apiVersion: 'datadoghq.com/v1alpha1',
      kind: 'DatadogMonitor',
      metadata: { name, namespace: 'observability' },
      spec: { name, message, query: 'q', type: 'query alert' },
    }),
  };
}

const completeRunbook = runbookSections.map((section) => `## ${section}\n\ntext\n`).join('\n');
const runbook = (path: string, content = completeRunbook) => ({ path, content });

describe('checkRunbooks', () => {
  it('passes a monitor that links an existing, complete runbook', () => {
    const findings = checkRunbooks({
      repository,
      renderedFiles: [monitorFile('a', `x\nRunbook: ${blob}/docs/runbooks/app/a.md\n`)],
      runbooks: [runbook('docs/runbooks/app/a.md')],
    });
    expect(findings).toEqual([]);
  });

  it('fails a monitor without a runbook link, on the line of its message', () => {
    const [finding, ...rest] = checkRunbooks({
      repository,
      renderedFiles: [monitorFile('a', 'no link here')],
      runbooks: [],
    });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      resource: 'DatadogMonitor/observability/a',
      field: 'spec.message',
      message: expect.stringMatching(/links no runbook/),
      line: expect.any(Number),
    });
  });

  it('fails a link that does not resolve to a runbook file', () => {
    const findings = checkRunbooks({
      repository,
      renderedFiles: [monitorFile('a', `Runbook: ${blob}/docs/runbooks/app/missing.md`)],
      runbooks: [],
    });
    expect(findings.map((f) => f.message)).toEqual([
      'runbook link docs/runbooks/app/missing.md does not resolve to a file in the repository',
    ]);
  });

  it('fails a link outside docs/runbooks and a link on another revision counts as none', () => {
    const outside = checkRunbooks({
      repository,
      renderedFiles: [monitorFile('a', `Runbook: ${blob}/README.md`)],
      runbooks: [],
    });
    expect(outside[0]!.message).toMatch(/not a Markdown file under docs\/runbooks/);
    const otherRevision = checkRunbooks({
      repository,
      renderedFiles: [
        monitorFile('a', 'https://gitlab.example.com/group/repo/-/blob/dev/docs/runbooks/app/a.md'),
      ],
      runbooks: [],
    });
    expect(otherRevision[0]!.message).toMatch(/links no runbook/);
  });

  it('fails a runbook no monitor links, and a runbook missing a section', () => {
    const findings = checkRunbooks({
      repository,
      renderedFiles: [],
      runbooks: [runbook('docs/runbooks/app/orphan.md', '## What fired\n## Impact\n')],
    });
    expect(findings.map((f) => `${f.file}: ${f.message}`)).toEqual([
      'docs/runbooks/app/orphan.md: no DatadogMonitor links this runbook: delete it or link it',
      'docs/runbooks/app/orphan.md: runbook has no "## First checks" section',
      'docs/runbooks/app/orphan.md: runbook has no "## Mitigation" section',
      'docs/runbooks/app/orphan.md: runbook has no "## Escalation" section',
    ]);
  });
});
