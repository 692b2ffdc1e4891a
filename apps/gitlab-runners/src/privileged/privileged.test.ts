import { ciNodePools, namespaces, nodePoolLabel } from '@platform/config';
import { describe, expect, it } from 'vitest';
import { jobNamespaceQuota } from '../runner/runner-capacity';
import { committedObjects, findObject } from '@platform/rendered-tree';
import { runnerConfigToml } from '../runner/rendered-config-toml';
import { privilegedRunner } from './privileged-runner';

const objects = committedObjects('rendered/ci/gitlab-runners/privileged');
const configMap = findObject(objects, 'ConfigMap', 'gitlab-runner-privileged');
const { template } = runnerConfigToml(configMap);
const kubernetes = (template.runners[0] as { kubernetes: Record<string, unknown> }).kubernetes;
const pool = ciNodePools.ciPrivileged;

describe('the rendered privileged runner', () => {
  it('runs its job pods only on the ci-privileged pool: selected by name, its taint alone tolerated', () => {
    expect(kubernetes.node_selector).toEqual({
      [nodePoolLabel]: pool.name,
      'kubernetes.io/arch': pool.architecture,
    });
    expect(kubernetes.node_tolerations).toEqual(
      Object.fromEntries(pool.taints.map((t) => [`${t.key}=${t.value}`, t.effect])),
    );
    expect(kubernetes.node_selector_overwrite_allowed).toBeUndefined();
    expect(kubernetes.affinity).not.toHaveProperty('node_affinity');
  });

  it('never puts two of its jobs on one node: required anti-affinity on the hostname over its job label', () => {
    expect(pool.jobIsolation.mode).toBe('one-job-per-node');
    expect(kubernetes.affinity).toEqual({
      pod_anti_affinity: {
        required_during_scheduling_ignored_during_execution: [
          {
            topology_key: 'kubernetes.io/hostname',
            label_selector: { match_labels: kubernetes.pod_labels },
          },
        ],
      },
    });
  });

  it('runs privileged build and service containers in its own privileged namespace, the helper unprivileged', () => {
    expect(kubernetes.namespace).toBe(namespaces.ciJobsPrivileged);
    expect(kubernetes.privileged).toBe(true);
    expect(kubernetes.build_container_security_context).toMatchObject({ privileged: true });
    expect(kubernetes.helper_container_security_context).toMatchObject({ privileged: false });
    expect(kubernetes.automount_service_account_token).toBe(false);
    expect(kubernetes.pod_annotations).toEqual({ 'karpenter.sh/do-not-disrupt': 'true' });
  });

  it('has an IAM role and a cache path of its own', () => {
    const account = findObject(objects, 'ServiceAccount', 'gitlab-runner-privileged');
    expect(account.metadata.annotations?.['eks.amazonaws.com/role-arn']).toMatch(
      /:role\/.*-gitlab-runner-privileged$/,
    );
    const cache = (template.runners[0] as { cache: { Path: string } }).cache;
    expect(cache.Path).toBe('privileged');
  });

  it('renders its quota from its share of the peak', () => {
    const quota = findObject(objects, 'ResourceQuota', 'ci-jobs-peak');
    expect(quota.metadata.namespace).toBe(namespaces.ciJobsPrivileged);
    expect((quota.spec as { hard: unknown }).hard).toEqual(jobNamespaceQuota(privilegedRunner));
  });
});
