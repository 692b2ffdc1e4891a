import { failing, file, passing, yaml, type RuleFixture } from '../../fixtures/rule-fixture';

/** A job pod as the restricted runner starts it, with `extra` lines added to its metadata/spec. */
export function ciJobPod(
  options: { namespace?: string; annotations?: string; automount?: string; name?: string } = {},
) {
  const annotations = options.annotations ?? 'annotations:\n  karpenter.sh/do-not-disrupt: "true"';
  const automount = options.automount ?? 'automountServiceAccountToken: false';
  const namespace = options.namespace ?? 'ci-jobs';
  const name = options.name ?? 'runner-abc123-project-42-concurrent-0';
  return file(
    `rendered/ci/gitlab-runners/jobs/pod-${namespace}-${name}.yaml`,
    yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ${name}
        namespace: ${namespace}
        ${annotations.replace(/\n/g, '\n        ')}
      spec:
        ${automount}
        securityContext:
          runAsNonRoot: true
          seccompProfile:
            type: RuntimeDefault
        containers:
          - name: build
            image: registry.example.com/ci/build-image:2024.11
            securityContext:
              allowPrivilegeEscalation: false
              capabilities:
                drop: [ALL]
            resources:
              requests: {cpu: "1", memory: 2Gi}
              limits: {memory: 2Gi}
    `,
  );
}

export const ciJobFixtures: RuleFixture[] = [
  failing(
    'ci-job-do-not-disrupt',
    'ci-job-do-not-disrupt reports a job pod without the annotation',
    ciJobPod({ annotations: 'labels:\n  job: "42"' }),
    [
      {
        line: 3,
        field: 'metadata.annotations["karpenter.sh/do-not-disrupt"]',
        message:
          'CI job pod has no karpenter.sh/do-not-disrupt: "true" annotation, so Karpenter may evict it mid-job',
      },
    ],
  ),
  failing(
    'ci-job-do-not-disrupt',
    'ci-job-do-not-disrupt reports the annotation set to anything but "true"',
    ciJobPod({ annotations: 'annotations:\n  karpenter.sh/do-not-disrupt: "false"' }),
    [
      {
        line: 7,
        field: 'metadata.annotations["karpenter.sh/do-not-disrupt"]',
        message: 'CI job pod sets karpenter.sh/do-not-disrupt to "false"; it must be "true"',
      },
    ],
  ),
  passing(
    'ci-job-do-not-disrupt',
    'ci-job-do-not-disrupt passes a job pod with the annotation, and ignores pods elsewhere',
    [ciJobPod(), ciJobPod({ namespace: 'shop', annotations: 'labels:\n  app: web', name: 'web' })],
  ),
  failing(
    'ci-job-service-account-token',
    'ci-job-service-account-token reports a job pod that leaves token automount to its ServiceAccount or turns it on',
    [
      ciJobPod({ automount: 'hostname: build' }),
      ciJobPod({
        namespace: 'ci-jobs-privileged',
        automount: 'automountServiceAccountToken: true',
      }),
    ],
    [
      {
        file: 'rendered/ci/gitlab-runners/jobs/pod-ci-jobs-privileged-runner-abc123-project-42-concurrent-0.yaml',
        line: 9,
        field: 'spec.automountServiceAccountToken',
        message: 'CI job pod sets automountServiceAccountToken: true',
      },
      {
        line: 8,
        field: 'spec.automountServiceAccountToken',
        message:
          'CI job pod does not set automountServiceAccountToken: false, so it gets an API token unless its ServiceAccount says otherwise',
      },
    ],
  ),
  passing(
    'ci-job-service-account-token',
    'ci-job-service-account-token passes a job pod that turns token automount off',
    ciJobPod(),
  ),
];
