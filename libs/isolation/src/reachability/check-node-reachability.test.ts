import { formatFinding } from '@platform/manifests';
import { committedFiles } from '@platform/rendered-tree';
import { describe, expect, it } from 'vitest';
import { beforeIssue26, fixtureFiles } from '../fixtures/rendered-fixture';
import { renderedObjects } from '../rendered/rendered-objects';
import { checkNodeReachability, reachabilityRules } from './check-node-reachability';

const messagesOf = (rule: string, findings: ReturnType<typeof checkNodeReachability>) =>
  findings.filter((f) => f.rule === rule).map((f) => `${f.resource} ${f.field} ${f.message}`);

describe('the reachability check on rendered/ as it was before issue #26', () => {
  const findings = checkNodeReachability(renderedObjects(fixtureFiles(beforeIssue26)));

  it('names item 1: privileged jobs share nodes that live for days', () => {
    const sharing = messagesOf(reachabilityRules.sharing, findings);
    expect(sharing).toEqual([
      expect.stringMatching(
        /gitlab-runner-privileged .*no required pod anti-affinity on kubernetes\.io\/hostname/,
      ),
      expect.stringMatching(
        /NodePool\/ci-privileged spec\.disruption\.consolidateAfter consolidateAfter is 5m/,
      ),
      expect.stringMatching(
        /NodePool\/ci-privileged spec\.template\.spec\.expireAfter expireAfter is 168h/,
      ),
    ]);
  });

  it('names item 2: the agents put tokens granting nodes/proxy and every pod on privileged nodes', () => {
    expect(messagesOf(reachabilityRules.token, findings)).toEqual([
      expect.stringMatching(
        /DaemonSet\/observability\/datadog .*ClusterRole\/datadog .*get on nodes\/proxy/,
      ),
      expect.stringMatching(
        /DaemonSet\/observability\/fluent-bit .*ClusterRole\/fluent-bit .*get, list, watch on pods/,
      ),
    ]);
  });

  it('names item 3: one node role and one security-group selector for both pools', () => {
    expect(messagesOf(reachabilityRules.identity, findings)).toEqual([
      expect.stringMatching(
        /EC2NodeClass\/ci-privileged spec\.role node IAM role platform-ci-karpenter-node is also the role of EC2NodeClass\/ci-jobs/,
      ),
      expect.stringMatching(
        /EC2NodeClass\/ci-privileged spec\.securityGroupSelectorTerms .*karpenter\.sh\/discovery.*platform-ci"/,
      ),
    ]);
  });

  it('names item 4: the application key lands on privileged nodes with the API key', () => {
    expect(messagesOf(reachabilityRules.secrets, findings)).toEqual([
      expect.stringMatching(
        /Secret observability\/datadog-keys lands on ci-privileged nodes .* with keys app-key that no pod there reads/,
      ),
    ]);
  });
});

describe('the reachability check on the committed rendered/', () => {
  it('finds nothing on a privileged node beyond what its own job and agents need', () => {
    const files = committedFiles('rendered').filter((file) => file.path.endsWith('.yaml'));
    expect(checkNodeReachability(renderedObjects(files)).map(formatFinding)).toEqual([]);
  });
});
