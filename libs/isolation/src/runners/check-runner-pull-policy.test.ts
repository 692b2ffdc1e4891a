import { formatFinding } from '@platform/manifests';
import { committedFiles } from '@platform/rendered-tree';
import { describe, expect, it } from 'vitest';
import { beforeIssue26, fixtureFiles } from '../fixtures/rendered-fixture';
import { renderedObjects } from '../rendered/rendered-objects';
import { checkRunnerPullPolicy } from './check-runner-pull-policy';

describe('the runners’ pull policy (#26 item 1)', () => {
  it('fails on rendered/ before #26: both runners reused images already on the node', () => {
    const findings = checkRunnerPullPolicy(renderedObjects(fixtureFiles(beforeIssue26)));
    expect(findings.map((f) => `${f.resource} ${f.message.split(':')[0]}`)).toEqual([
      'ConfigMap/gitlab-runners/gitlab-runner-privileged pull_policy is [if-not-present] and allowed_pull_policies [], not [always]',
      'ConfigMap/gitlab-runners/gitlab-runner-restricted pull_policy is [if-not-present] and allowed_pull_policies [], not [always]',
    ]);
  });

  it('passes on the committed rendered/', () => {
    const files = committedFiles('rendered').filter((file) => file.path.endsWith('.yaml'));
    expect(checkRunnerPullPolicy(renderedObjects(files)).map(formatFinding)).toEqual([]);
  });
});
