import { gitlabRunnerVersion } from '@platform/charts';
import { peakJobsPerPool } from '@platform/capacity';
import {
  ciNodePools,
  clusterByName,
  clusterPeakLoad,
  gitlabRunnerHelperRepository,
  inventory,
  multiArchJobs,
  namespaces,
  nodePoolLabel,
  type Inventory,
} from '@platform/config';
import { componentSpec, renderDefinition } from '@platform/core';
import { committedObjects, findObject } from '@platform/rendered-tree';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import runnerNamespaces from '../namespaces/component';
import { privilegedRunner } from '../privileged/privileged-runner';
import { restrictedRunner } from '../restricted/restricted-runner';
import { executorJobPod, runnersTakingJob, type CiJob } from '../runner/executor-job-pod';
import { upstreamHelperImage } from '../runner/helper-image';
import { runnerConfigToml } from '../runner/rendered-config-toml';
import { jobNamespaceQuota, managerReplicas } from '../runner/runner-capacity';
import multiArchComponent from './component';
import { multiArchRunner } from './multi-arch-runner';

const ci = clusterByName(inventory, 'ci');
const app = committedObjects('rendered/ci/gitlab-runners');

/** A runner's `[runners.kubernetes]` as rendered, with its GitLab tags from its definition. */
function rendered(runner: typeof restrictedRunner) {
  const configMap = findObject(app, 'ConfigMap', `gitlab-runner-${runner.name}`);
  const [section] = runnerConfigToml(configMap).template.runners as {
    kubernetes: Record<string, unknown>;
    limit: number;
  }[];
  return { ...runner.gitlab, name: runner.name, section: section! };
}
const runners = [restrictedRunner, multiArchRunner, privilegedRunner].map(rendered);
const multiArch = runners.find((r) => r.name === multiArchRunner.name)!;
const manager = { version: gitlabRunnerVersion, architecture: 'amd64' };

/** The pod the executor creates for a job on the one runner GitLab gives it to. */
function podOf(job: CiJob) {
  const takers = runnersTakingJob(job, runners);
  expect(takers.map((r) => r.name)).toHaveLength(1);
  return {
    runner: takers[0]!.name,
    pod: executorJobPod(takers[0]!.section.kubernetes, job, manager),
  };
}

describe('a job tagged multi-arch', () => {
  const expectedHelper = `${gitlabRunnerHelperRepository(ci)}:v${gitlabRunnerVersion}`;

  it('goes to the multi-arch runner alone, and its pod names the pool but no architecture', () => {
    const { runner, pod } = podOf({ tags: [multiArchJobs.tag] });
    expect(runner).toBe(multiArchRunner.name);
    expect(pod.nodeSelector).toEqual({ [nodePoolLabel]: ciNodePools.ciJobsMultiArch.name });
    expect(pod.tolerations).toEqual(
      ciNodePools.ciJobsMultiArch.taints.map((t) => ({ ...t, operator: 'Equal' })),
    );
  });

  it('runs the platform’s multi-platform helper, derived from the runner pin, on either architecture', () => {
    const { pod } = podOf({ tags: [multiArchJobs.tag] });
    expect(pod.helperImage).toBe(expectedHelper);
    // The cluster account's ECR, the cluster's repository, the pinned runner version's tag.
    const registry = `${ci.aws.accountId}.dkr.ecr.${ci.aws.region}.amazonaws.com`;
    expect(pod.helperImage).toBe(
      `${registry}/${ci.eks.clusterName}/gitlab-runner-helper:v${gitlabRunnerVersion}`,
    );
  });

  it('cannot pin an architecture, nor move itself: the runner allows no overwrite of any kind', () => {
    const { pod } = podOf({
      tags: [multiArchJobs.tag],
      variables: { KUBERNETES_NODE_SELECTOR_ARCH: 'kubernetes.io/arch=amd64' },
    });
    expect(pod.nodeSelector).not.toHaveProperty('kubernetes.io/arch');
    expect(pod.helperImage).toBe(expectedHelper);
    const overwrites = Object.keys(multiArch.section.kubernetes).filter((key) =>
      key.endsWith('_overwrite_allowed'),
    );
    expect(overwrites).toEqual([]);
  });

  it('lands where the NodePool offers both architectures, and nowhere else', () => {
    const pool = findObject(
      committedObjects('rendered/ci/karpenter/node-pools'),
      'NodePool',
      ciNodePools.ciJobsMultiArch.name,
    );
    const requirements = (
      pool.spec as { template: { spec: { requirements: { key: string; values: string[] }[] } } }
    ).template.spec.requirements;
    expect(requirements.find((r) => r.key === 'kubernetes.io/arch')!.values.sort()).toEqual([
      'amd64',
      'arm64',
    ]);
  });

  it('differs from an untagged job, which the restricted runner runs on amd64 with the upstream helper', () => {
    const untagged = podOf({ tags: [] });
    expect(untagged.runner).toBe(restrictedRunner.name);
    expect(untagged.pod.nodeSelector).toEqual({ 'kubernetes.io/arch': 'amd64' });
    expect(untagged.pod.helperImage).toBe(upstreamHelperImage('amd64'));
    const arm = podOf({
      tags: [],
      variables: { KUBERNETES_NODE_SELECTOR_ARCH: 'kubernetes.io/arch=arm64' },
    });
    expect(arm.pod.helperImage).toBe(upstreamHelperImage('arm64'));
  });

  it('with another tag beside multi-arch, finds no runner (tags narrow, never widen)', () => {
    expect(runnersTakingJob({ tags: [multiArchJobs.tag, 'arm64'] }, runners)).toEqual([]);
  });
});

describe('the rendered multi-arch runner', () => {
  const kubernetes = multiArch.section.kubernetes;

  it('is locked down like the restricted runner: every security setting the same', () => {
    const restricted = runners.find((r) => r.name === restrictedRunner.name)!.section.kubernetes;
    for (const key of [
      'privileged',
      'allow_privilege_escalation',
      'cap_drop',
      'pod_security_context',
      'build_container_security_context',
      'helper_container_security_context',
      'service_container_security_context',
      'init_permissions_container_security_context',
      'pod_spec',
      'automount_service_account_token',
      'pull_policy',
      'allowed_pull_policies',
      'pod_annotations',
    ])
      expect(kubernetes[key], key).toEqual(restricted[key]);
    expect(kubernetes.privileged).toBe(false);
  });

  it('runs its jobs in a job namespace of its own, which enforces Pod Security restricted', () => {
    expect(kubernetes.namespace).toBe(namespaces.ciJobsMultiArch);
    const namespace = findObject(app, 'Namespace', namespaces.ciJobsMultiArch);
    expect(namespace.metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
    const account = app.find(
      (o) =>
        o.kind === 'ServiceAccount' &&
        o.metadata.name === kubernetes.service_account &&
        o.metadata.namespace === namespaces.ciJobsMultiArch,
    );
    expect(account?.automountServiceAccountToken).toBe(false);
  });

  it('is sized for the multi-arch jobs the planner sends to its pool', () => {
    const [planned] = peakJobsPerPool(clusterPeakLoad(ci), {
      ordinary: ciNodePools.ciJobs.name,
      arm64: ciNodePools.ciJobsArm64.name,
      privileged: ciNodePools.ciPrivileged.name,
      multiArch: ciNodePools.ciJobsMultiArch.name,
    }).filter((p) => p.pool === ciNodePools.ciJobsMultiArch.name);
    expect(planned!.jobs).toBeGreaterThan(0);
    expect(multiArch.section.limit * managerReplicas).toBeGreaterThanOrEqual(planned!.jobs);
    const quota = app.find(
      (o) => o.kind === 'ResourceQuota' && o.metadata.namespace === namespaces.ciJobsMultiArch,
    )!;
    expect((quota.spec as { hard: unknown }).hard).toEqual(jobNamespaceQuota(multiArchRunner));
  });
});

describe('without the multi-platform helper image in the inventory', () => {
  // Every cluster of the inventory without it (a clone may have added one beside ci).
  const without = (spec: Inventory['clusters'][number]['gitlabRunners']): Inventory => ({
    ...inventory,
    clusters: inventory.clusters.map((c) => ({ ...c, gitlabRunners: spec })),
  });
  const placement = { app: 'gitlab-runners', name: 'multi-arch' };

  it('renders the multi-arch runner on the clusters that have it, and on no other', () => {
    const withImage = inventory.clusters.filter(
      (c) => c.role === 'workload' && c.gitlabRunners?.multiArchHelperImage === 'ecr',
    );
    expect(withImage.map((c) => c.name)).toContain('ci');
    expect(componentSpec(multiArchComponent, { ...placement, inventory }).clusters).toEqual(
      withImage.map((c) => c.name),
    );
    for (const spec of [undefined, { multiArchHelperImage: 'none' as const }])
      expect(
        componentSpec(multiArchComponent, { ...placement, inventory: without(spec) }).clusters,
      ).toEqual([]);
  });

  it('renders no multi-arch job namespace either', async () => {
    const names = async (source: Inventory) =>
      (
        await renderDefinition(
          runnerNamespaces,
          { app: 'gitlab-runners', name: 'namespaces', inventory: source },
          'ci',
        )
      ).map((file) => (parse(file.content) as { metadata: { name: string } }).metadata.name);
    expect(await names(inventory)).toContain(namespaces.ciJobsMultiArch);
    expect(await names(without(undefined))).not.toContain(namespaces.ciJobsMultiArch);
  });
});
