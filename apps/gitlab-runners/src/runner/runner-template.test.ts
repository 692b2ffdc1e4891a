import { gitlabRunnerVersion } from '@platform/charts';
import { ciNodePools, peakLoad, type ClusterSpec } from '@platform/config';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import type { RunnerDefinition } from './runner-definition';
import { runnerTemplateText } from './runner-template';

const cluster: ClusterSpec = {
  name: 'fixture',
  role: 'workload',
  aws: { accountId: '000000000000', region: 'eu-central-1' },
  eks: {
    clusterName: 'fixture-cluster',
    endpoint: 'https://fixture.example',
    certificateAuthorityData: '',
    kubernetesVersion: '1.33',
  },
  network: { vpcCidr: '10.0.0.0/16', serviceCidr: '172.20.0.0/16', subnets: [] },
};

const gitlab: RunnerDefinition['gitlab'] = {
  runnerType: 'instance_type',
  description: 'fixture',
  tags: ['fixture-tag'],
  runUntagged: false,
  locked: true,
  accessLevel: 'ref_protected',
  maximumTimeout: 1800,
  paused: false,
};
const ordinary: RunnerDefinition = {
  name: 'ordinary',
  jobNamespace: 'fixture-jobs',
  privileged: false,
  nodePools: [ciNodePools.ciJobs, ciNodePools.ciJobsArm64],
  peakShare: 1,
  gitlab,
};
const anyArchitecture: RunnerDefinition = {
  ...ordinary,
  name: 'any-arch',
  nodePools: [ciNodePools.ciJobsMultiArch],
  peakShare: 0.1,
};
const dind: RunnerDefinition = {
  ...ordinary,
  name: 'dind',
  privileged: true,
  nodePools: [ciNodePools.ciPrivileged],
  peakShare: 0.25,
};

type Kubernetes = Record<string, unknown> & {
  node_selector: Record<string, string>;
  node_tolerations: Record<string, string>;
};
function parsedSection(runner: RunnerDefinition) {
  const document = parse(runnerTemplateText(runner, cluster)) as {
    runners: (Record<string, unknown> & { kubernetes: Kubernetes })[];
  };
  expect(document.runners).toHaveLength(1);
  return document.runners[0]!;
}

describe('the [[runners]] template', () => {
  it('parses back as TOML with the job namespace, capacity and the S3 cache of the cluster', () => {
    const section = parsedSection(ordinary);
    expect(section.kubernetes.namespace).toBe('fixture-jobs');
    const peak = peakLoad.concurrentPipelines * peakLoad.concurrentJobsPerPipeline;
    expect((section.limit as number) * 2).toBeGreaterThanOrEqual(peak);
    expect(section.cache).toMatchObject({
      Type: 's3',
      Path: 'ordinary',
      s3: { BucketName: 'fixture-cluster-gitlab-runner-cache', AuthenticationType: 'iam' },
    });
  });

  it('locks down an unprivileged runner: no privilege, no escalation, no capabilities, non-root, seccomp', () => {
    const kubernetes = parsedSection(ordinary).kubernetes;
    expect(kubernetes.privileged).toBe(false);
    expect(kubernetes.allow_privilege_escalation).toBe(false);
    expect(kubernetes.cap_drop).toEqual(['ALL']);
    for (const key of ['build', 'helper', 'service', 'init_permissions'])
      expect(kubernetes[`${key}_container_security_context`]).toEqual({
        privileged: false,
        allow_privilege_escalation: false,
        run_as_non_root: true,
        capabilities: { drop: ['ALL'] },
      });
    expect(kubernetes.pod_security_context).toMatchObject({ run_as_non_root: true });
    const [patch] = kubernetes.pod_spec as { patch: string }[];
    expect(JSON.parse(patch!.patch)).toEqual({
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
    });
  });

  it('sends privileged job pods only to their pool, tolerating only its taint', () => {
    const kubernetes = parsedSection(dind).kubernetes;
    expect(kubernetes.privileged).toBe(true);
    expect(kubernetes.node_selector).toEqual({
      'karpenter.sh/nodepool': 'ci-privileged',
      'kubernetes.io/arch': 'amd64',
    });
    expect(kubernetes.node_tolerations).toEqual({ 'ci.platform/jobs=privileged': 'NoSchedule' });
    expect(kubernetes.node_selector_overwrite_allowed).toBeUndefined();
  });

  it('spreads an ordinary runner over its pools by node affinity, letting jobs pick only the architecture', () => {
    const kubernetes = parsedSection(ordinary).kubernetes;
    expect(JSON.stringify(kubernetes.affinity)).toContain('["ci-jobs","ci-jobs-arm64"]');
    expect(kubernetes.node_selector_overwrite_allowed).toBe('^kubernetes\\.io/arch=(amd64|arm64)$');
    expect(kubernetes.node_tolerations).toEqual({ 'ci.platform/jobs=restricted': 'NoSchedule' });
  });

  it('gives job pods no token, the do-not-disrupt annotation, and no way to change namespace or account', () => {
    const kubernetes = parsedSection(ordinary).kubernetes;
    expect(kubernetes.automount_service_account_token).toBe(false);
    expect(kubernetes.pod_annotations).toEqual({ 'karpenter.sh/do-not-disrupt': 'true' });
    const overwrites = Object.keys(kubernetes).filter((key) => key.endsWith('_overwrite_allowed'));
    expect(overwrites).toEqual(['node_selector_overwrite_allowed']);
  });

  it('never sets the GitLab-side properties of a glrt- runner', () => {
    const section = parsedSection(ordinary);
    const keys = JSON.stringify(section);
    for (const key of [
      'tag_list',
      'tags',
      'run_untagged',
      'locked',
      'access_level',
      'paused',
      'maximum_timeout',
      'token',
    ])
      expect(keys).not.toContain(`"${key}"`);
  });

  it('rejects a share of the peak outside (0, 1], naming the runner', () => {
    expect(() => runnerTemplateText({ ...ordinary, peakShare: 0 }, cluster)).toThrow(
      /ordinary.*peakShare/,
    );
  });

  it('sends a multi-arch pool’s job pods by pool name alone, with the cluster’s multi-platform helper', () => {
    const withImage: ClusterSpec = { ...cluster, gitlabRunners: { multiArchHelperImage: 'ecr' } };
    const document = parse(runnerTemplateText(anyArchitecture, withImage)) as {
      runners: { kubernetes: Kubernetes & { helper_image?: string } }[];
    };
    const kubernetes = document.runners[0]!.kubernetes;
    expect(kubernetes.node_selector).toEqual({ 'karpenter.sh/nodepool': 'ci-jobs-multiarch' });
    expect(kubernetes.node_selector_overwrite_allowed).toBeUndefined();
    expect(kubernetes.helper_image).toBe(
      `000000000000.dkr.ecr.eu-central-1.amazonaws.com/fixture-cluster/gitlab-runner-helper:v${gitlabRunnerVersion}`,
    );
    // A runner on one architecture keeps the executor's own per-architecture choice.
    expect(parsedSection(ordinary).kubernetes).not.toHaveProperty('helper_image');
  });

  it('refuses a multi-arch pool on a cluster without the helper image, or beside other pools', () => {
    expect(() => runnerTemplateText(anyArchitecture, cluster)).toThrow(
      /clusters\/fixture\.ts: gitlabRunners\.multiArchHelperImage is not 'ecr'/,
    );
    const mixed = {
      ...anyArchitecture,
      nodePools: [ciNodePools.ciJobsMultiArch, ciNodePools.ciJobs],
    };
    expect(() =>
      runnerTemplateText(mixed, { ...cluster, gitlabRunners: { multiArchHelperImage: 'ecr' } }),
    ).toThrow(
      /any-arch: a multi-arch pool \(ci-jobs-multiarch, ci-jobs\) must be the runner's only pool/,
    );
  });
});
