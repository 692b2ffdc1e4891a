import { expect, it } from 'vitest';
import { beforeIssue26, fixtureFiles } from '../fixtures/rendered-fixture';
import { renderedObjects } from '../rendered/rendered-objects';
import { formatReachSummary, reachSummaries } from './reach-summary';

it('lists, per pool, the tokens that land there with their escalation grants, and the Secrets', () => {
  const lines = reachSummaries(renderedObjects(fixtureFiles(beforeIssue26))).map(
    formatReachSummary,
  );
  expect(lines).toContain(
    'ci/ci-privileged (privileged jobs): tokens observability/datadog [get on nodes/proxy], observability/fluent-bit [get, list, watch on pods]; Secrets observability/datadog-cluster-agent-token (token), observability/datadog-keys (api-key)',
  );
  expect(lines.filter((line) => line.startsWith('ci/ci-jobs'))).toHaveLength(2);
});
