import { namespaces, peakLoad } from '@platform/config';
import { describe, expect, it } from 'vitest';
import { jobNamespaceQuota } from '../runner/runner-capacity';
import { committedObjects, findObject, type RenderedObject } from '@platform/rendered-tree';
import { runnerConfigToml } from '../runner/rendered-config-toml';
import { restrictedRunner } from './restricted-runner';

const objects = committedObjects('rendered/ci/gitlab-runners/restricted');
const configMap = findObject(objects, 'ConfigMap', 'gitlab-runner-restricted');
const { global, template } = runnerConfigToml(configMap);
const [runner] = template.runners as { kubernetes: Record<string, unknown>; limit: number }[];
const kubernetes = runner!.kubernetes;

describe('the rendered restricted runner', () => {
  it('cannot start privileged pods, even if a job asks: every container locked down, nothing a job can overwrite', () => {
    expect(kubernetes.privileged).toBe(false);
    expect(kubernetes.allow_privilege_escalation).toBe(false);
    expect(kubernetes.cap_drop).toEqual(['ALL']);
    for (const container of ['build', 'helper', 'service', 'init_permissions']) {
      expect(kubernetes[`${container}_container_security_context`]).toMatchObject({
        privileged: false,
        allow_privilege_escalation: false,
        run_as_non_root: true,
        capabilities: { drop: ['ALL'] },
      });
    }
    // A job may pick its architecture and nothing else: not the namespace (a privileged one),
    // not the service account, not the pod spec.
    const overwrites = Object.keys(kubernetes).filter((key) => key.endsWith('_overwrite_allowed'));
    expect(overwrites).toEqual(['node_selector_overwrite_allowed']);
    expect(kubernetes.node_selector_overwrite_allowed).toMatch(/^\^kubernetes\\\.io\/arch=/);
    // And the namespace it uses enforces Pod Security restricted, which rejects privileged pods.
    const jobNamespace = findObject(
      committedObjects('rendered/ci/gitlab-runners/namespaces'),
      'Namespace',
      kubernetes.namespace as string,
    );
    expect(jobNamespace.metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  it('runs job pods non-root under seccomp RuntimeDefault, without a service-account token', () => {
    expect(kubernetes.pod_security_context).toMatchObject({ run_as_non_root: true });
    const [patch] = kubernetes.pod_spec as { patch: string }[];
    expect(JSON.parse(patch!.patch).securityContext.seccompProfile.type).toBe('RuntimeDefault');
    expect(kubernetes.automount_service_account_token).toBe(false);
    const jobAccount = findObject(objects, 'ServiceAccount', kubernetes.service_account as string);
    expect(jobAccount.metadata.namespace).toBe(namespaces.ciJobs);
    expect(jobAccount.automountServiceAccountToken).toBe(false);
  });

  it('sends job pods only to the restricted job pools and marks them do-not-disrupt', () => {
    expect(JSON.stringify(kubernetes.affinity)).toContain('"values":["ci-jobs","ci-jobs-arm64"]');
    expect(kubernetes.node_tolerations).toEqual({ 'ci.platform/jobs=restricted': 'NoSchedule' });
    expect(kubernetes.pod_annotations).toEqual({ 'karpenter.sh/do-not-disrupt': 'true' });
  });

  it('is sized for the whole peak: concurrent ≥ pipelines × jobs, managers × limit cover it', () => {
    const peak = peakLoad.concurrentPipelines * peakLoad.concurrentJobsPerPipeline;
    expect(global.concurrent).toBeGreaterThanOrEqual(peak);
    const deployment = findObject(objects, 'Deployment', 'gitlab-runner-restricted');
    const replicas = (deployment.spec as { replicas: number }).replicas;
    expect(runner!.limit * replicas).toBeGreaterThanOrEqual(peak);
    expect(kubernetes.poll_timeout).toBeGreaterThanOrEqual(600);
  });

  it('renders the job namespace quota computed from the size classes and the peak', () => {
    const quota = findObject(objects, 'ResourceQuota', 'ci-jobs-peak');
    expect(quota.metadata.namespace).toBe(namespaces.ciJobs);
    expect((quota.spec as { hard: unknown }).hard).toEqual(jobNamespaceQuota(restrictedRunner));
  });

  it('leaves no object outside the manager and job namespaces, and no cluster-wide RBAC', () => {
    const where = (o: RenderedObject) => o.metadata.namespace;
    expect(new Set(objects.map(where))).toEqual(
      new Set([namespaces.runnerManagers, namespaces.ciJobs]),
    );
    expect(objects.filter((o) => o.kind.startsWith('Cluster'))).toEqual([]);
  });
});
