import { formatFinding } from '@platform/manifests';
import { committedFiles } from '@platform/rendered-tree';
import { describe, expect, it } from 'vitest';
import { beforeIssue26, fixtureFiles } from '../fixtures/rendered-fixture';
import { renderedObjects } from '../rendered/rendered-objects';
import {
  checkAdmissionEnforcement,
  checkRenderedPodsAdmitted,
  checkRunnerNamespacesGuarded,
} from './check-admission';

const before = renderedObjects(fixtureFiles(beforeIssue26));
const committed = () =>
  renderedObjects(committedFiles('rendered').filter((file) => file.path.endsWith('.yaml')));

describe('rendered pods at Deny (#21 item 1)', () => {
  it('fails on rendered/ before #26: the agents’ exemptions sat on the DaemonSets, out of admission’s sight', () => {
    expect(checkRenderedPodsAdmitted(before).map((f) => `${f.resource} ${f.message}`)).toEqual([
      'DaemonSet/observability/datadog its pods would be refused at Deny by ValidatingAdmissionPolicy/platform-host-access: its own host-access exemption does not reach them (admission sees the Pod; exempt the Namespace)',
      'DaemonSet/observability/fluent-bit its pods would be refused at Deny by ValidatingAdmissionPolicy/platform-host-access: its own host-access exemption does not reach them (admission sees the Pod; exempt the Namespace)',
    ]);
  });

  it('passes on the committed rendered/: every rendered pod is admitted by every policy', () => {
    expect(checkRenderedPodsAdmitted(committed()).map(formatFinding)).toEqual([]);
  });
});

describe('admission enforcement (#26 item 6)', () => {
  it('fails on rendered/ before #26: warn only, self-granted exemptions, CREATE only', () => {
    const messages = checkAdmissionEnforcement(before).map((f) => `${f.resource} ${f.message}`);
    const policies = [
      'ci-job-do-not-disrupt',
      'ci-job-service-account-token',
      'container-resources',
      'host-access',
      'image-pinned',
    ];
    for (const name of policies) {
      const of = messages.filter(
        (m) =>
          m.includes(`platform-${name} `) ||
          m.startsWith(`ValidatingAdmissionPolicy/platform-${name} `),
      );
      expect(of, name).toEqual(
        expect.arrayContaining([
          expect.stringContaining('does not match UPDATE of pods'),
          expect.stringContaining('does not match UPDATE of pods/ephemeralcontainers'),
          expect.stringContaining('whoever creates the pod grants its own exemption'),
        ]),
      );
    }
    expect(messages.filter((m) => m.includes('protects the cluster'))).toEqual([
      'ValidatingAdmissionPolicyBinding/platform-ci-job-service-account-token platform-ci-job-service-account-token protects the cluster but is bound with [Warn, Audit]: only a warning stands between a pod and what it forbids',
      'ValidatingAdmissionPolicyBinding/platform-host-access platform-host-access protects the cluster but is bound with [Warn, Audit]: only a warning stands between a pod and what it forbids',
    ]);
  });

  it('passes on the committed rendered/', () => {
    expect(checkAdmissionEnforcement(committed()).map(formatFinding)).toEqual([]);
  });
});

describe('admission in every runner job namespace', () => {
  it('passes on the committed rendered/: every policy applies where every runner starts job pods', () => {
    expect(checkRunnerNamespacesGuarded(committed()).map(formatFinding)).toEqual([]);
  });

  it('names the runner and the policies when a job namespace is missing from a CI job rule', () => {
    const objects = committed().filter((o) => o.cluster === 'ci');
    // The policies as they were before the multi-arch runner: the CI job rules list only the
    // restricted and privileged job namespaces.
    const narrowed = objects.map((o) =>
      o.kind === 'ValidatingAdmissionPolicy'
        ? {
            ...o,
            value: JSON.parse(JSON.stringify(o.value).replace(/"ci-jobs-multiarch",?/g, '')),
          }
        : o,
    );
    expect(checkRunnerNamespacesGuarded(narrowed).map((f) => `${f.resource} ${f.message}`)).toEqual(
      [
        'ConfigMap/gitlab-runners/gitlab-runner-multi-arch starts job pods in namespace ci-jobs-multiarch, which ValidatingAdmissionPolicy/platform-ci-job-do-not-disrupt does not cover: its jobs escape that rule at admission',
        'ConfigMap/gitlab-runners/gitlab-runner-multi-arch starts job pods in namespace ci-jobs-multiarch, which ValidatingAdmissionPolicy/platform-ci-job-service-account-token does not cover: its jobs escape that rule at admission',
      ],
    );
  });
});
