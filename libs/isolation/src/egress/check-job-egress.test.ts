import { formatFinding } from '@platform/manifests';
import { committedFiles } from '@platform/rendered-tree';
import { describe, expect, it } from 'vitest';
import { beforeIssue26, fixtureFiles } from '../fixtures/rendered-fixture';
import { renderedObjects } from '../rendered/rendered-objects';
import { checkJobEgress } from './check-job-egress';

describe('job egress (#26 item 7)', () => {
  it('fails on rendered/ before #26: only the metadata address and the VPC were excepted', () => {
    const findings = checkJobEgress(renderedObjects(fixtureFiles(beforeIssue26)));
    const reached = (namespace: string) =>
      findings
        .filter((f) => f.resource === `NetworkPolicy/${namespace}/allow-internet`)
        .map((f) => /reaches (\S+)/.exec(f.message)![1]);
    for (const namespace of ['ci-jobs', 'ci-jobs-privileged'])
      expect(reached(namespace)).toEqual([
        '10.0.0.0/8',
        '172.16.0.0/12',
        '192.168.0.0/16',
        '100.64.0.0/10',
        '169.254.0.0/16',
        '172.20.0.0/16',
      ]);
    expect(findings).toHaveLength(12);
  });

  it('passes on the committed rendered/', () => {
    const files = committedFiles('rendered').filter((file) => file.path.endsWith('.yaml'));
    expect(checkJobEgress(renderedObjects(files)).map(formatFinding)).toEqual([]);
  });
});
