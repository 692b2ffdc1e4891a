import { formatFinding } from '@platform/manifests';
import { describe, expect, it } from 'vitest';
import { compliantDeployment, privilegedNamespace } from '../fixtures/compliant-manifests';
import { file, yaml } from '../fixtures/rule-fixture';
import { checkPolicy } from './check-policy';

const deploymentPath = 'rendered/ci/shop/web/deployment-shop-web.yaml';
const rulesOf = (files: Parameters<typeof checkPolicy>[0]) =>
  checkPolicy(files).findings.map((f) => f.rule);

/** A pod that needs the privileged level: Docker-in-Docker. */
function dindPod(namespace: string): string {
  return yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: build
      namespace: ${namespace}
      annotations:
        karpenter.sh/do-not-disrupt: "true"
    spec:
      automountServiceAccountToken: false
      containers:
        - name: dind
          image: docker:27.3-dind
          securityContext:
            privileged: true
          resources:
            requests: {cpu: "1", memory: 2Gi}
            limits: {memory: 2Gi}
  `;
}

const dindReason = 'Docker-in-Docker build jobs need privileged containers.';

describe('exemptions', () => {
  it('lifts the rule from the annotated resource and lists the exemption with file, line and reason', () => {
    const report = checkPolicy([
      file(
        deploymentPath,
        compliantDeployment({
          image: 'registry.example.com/shop/web:latest',
          annotations: {
            'policy.platform/exempt.image-pinned': 'Canary of the nightly build; never promoted.',
          },
        }),
      ),
    ]);
    expect(report.findings).toEqual([]);
    expect(report.exemptions).toEqual([
      {
        rule: 'image-pinned',
        resource: 'Deployment/shop/web',
        file: deploymentPath,
        line: 7,
        reason: 'Canary of the nightly build; never promoted.',
      },
    ]);
    expect(report.counts.exemptions).toBe(1);
  });

  it('does not honour an exemption without a reason, and reports it as an error', () => {
    const report = checkPolicy([
      file(
        deploymentPath,
        compliantDeployment({
          image: 'registry.example.com/shop/web:latest',
          annotations: { 'policy.platform/exempt.image-pinned': '' },
        }),
      ),
    ]);
    expect(report.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['exemption-reason', 'error'],
      ['image-pinned', 'error'],
    ]);
    expect(report.exemptions).toEqual([]);
  });

  it("does not let a resource exempt itself from another resource's findings", () => {
    const findings = rulesOf([
      file(
        deploymentPath,
        `${compliantDeployment({ image: 'registry.example.com/shop/web:latest' })}---\n${compliantDeployment(
          {
            annotations: { 'policy.platform/exempt.image-pinned': 'Canary.' },
          },
        )}`,
      ),
    ]);
    expect(findings).toEqual(['image-pinned']);
  });
});

describe('namespace exemptions', () => {
  const privileged = file(
    'rendered/ci/gitlab-runners/namespaces/namespace-ci-jobs-privileged.yaml',
    privilegedNamespace('ci-jobs-privileged', dindReason),
  );

  it('cover pod-level rules for workloads in the exempt namespace', () => {
    const report = checkPolicy([
      privileged,
      file(
        'rendered/ci/builds/jobs/pod-ci-jobs-privileged-build.yaml',
        dindPod('ci-jobs-privileged'),
      ),
    ]);
    expect(report.findings).toEqual([]);
    expect(report.exemptions.map((e) => [e.rule, e.resource])).toEqual([
      ['pss-baseline', 'Namespace/ci-jobs-privileged'],
      ['pss-restricted', 'Namespace/ci-jobs-privileged'],
    ]);
  });

  it('do not cover workloads in other namespaces', () => {
    const findings = rulesOf([
      privileged,
      file('rendered/ci/builds/jobs/pod-ci-jobs-build.yaml', dindPod('ci-jobs')),
    ]);
    expect(new Set(findings)).toEqual(new Set(['pss-baseline', 'pss-restricted']));
  });

  it('do not cover the namespace of the same name on another cluster', () => {
    const findings = rulesOf([
      privileged,
      file(
        'rendered/mgmt/builds/jobs/pod-ci-jobs-privileged-build.yaml',
        dindPod('ci-jobs-privileged'),
      ),
    ]);
    expect(new Set(findings)).toEqual(new Set(['pss-baseline', 'pss-restricted']));
  });

  it('do not cover rules that can only be exempted per resource', () => {
    const namespace = yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
        annotations:
          policy.platform/exempt.image-pinned: Every team image here is a nightly.
        labels:
          pod-security.kubernetes.io/enforce: restricted
          pod-security.kubernetes.io/enforce-version: v1.33
          pod-security.kubernetes.io/audit: restricted
          pod-security.kubernetes.io/audit-version: v1.33
          pod-security.kubernetes.io/warn: restricted
          pod-security.kubernetes.io/warn-version: v1.33
    `;
    const findings = rulesOf([
      file('rendered/ci/shop/namespaces/namespace-shop.yaml', namespace),
      file(deploymentPath, compliantDeployment({ image: 'registry.example.com/shop/web:latest' })),
    ]);
    expect(findings).toEqual(['image-pinned']);
  });
});

describe('what is checked', () => {
  it('gives Helm values files only the value-scanning rules', () => {
    const values = yaml`
      # Generated by \`gitops render\` from apps/gitlab-runners (component restricted). Do not edit by hand.
      # helm-values: chart=gitlab-runner version=0.86.0
      apiVersion: v1
      kind: ServiceAccount
      runnerToken: glrt-t1_AbCdEfGhIjKlMnOpQrSt
    `;
    const report = checkPolicy([file('rendered/ci/gitlab-runners/restricted/values.yaml', values)]);
    expect(report.findings.map((f) => [f.rule, f.resource, f.line])).toEqual([
      ['no-credentials', '-', 5],
    ]);
    expect(report.counts).toMatchObject({ files: 1, resources: 0 });
  });

  it('reports a file that does not parse instead of passing it', () => {
    const report = checkPolicy([
      file('rendered/ci/shop/web/broken.yaml', 'kind: Pod\nmetadata: [name\n'),
    ]);
    expect(report.findings[0]).toMatchObject({
      file: 'rendered/ci/shop/web/broken.yaml',
      rule: 'yaml',
      severity: 'error',
    });
    expect(report.counts.errors).toBeGreaterThan(0);
  });

  it('counts warnings apart from errors', () => {
    const nodePool = yaml`
      apiVersion: karpenter.sh/v1
      kind: NodePool
      metadata:
        name: ci-jobs
      spec:
        limits: {cpu: "100", memory: 400Gi}
    `;
    const report = checkPolicy([
      file('rendered/ci/karpenter/node-pools/nodepool-ci-jobs.yaml', nodePool),
    ]);
    expect(report.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['karpenter-nodepool-expire-after', 'warning'],
      ['karpenter-nodepool-disruption-budgets', 'warning'],
    ]);
    expect(report.counts).toEqual({
      files: 1,
      resources: 1,
      errors: 0,
      warnings: 2,
      exemptions: 0,
    });
  });
});

describe('a finding', () => {
  it('prints as file:line:col, resource, field and message', () => {
    const files = [file(deploymentPath, compliantDeployment({ image: 'nginx' }))];
    const [finding] = checkPolicy(files).findings;
    expect(finding!.severity).toBe('error');
    expect(formatFinding(finding!)).toBe(
      `${deploymentPath}:22:18  Deployment/shop/web  spec.template.spec.containers[0].image  container "app" image "nginx" has no tag, so it pulls latest; pin a version tag or a digest`,
    );
  });
});
