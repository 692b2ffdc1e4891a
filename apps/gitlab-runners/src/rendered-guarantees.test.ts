import {
  ciNodePools,
  clusterDnsAddress,
  clusters,
  jobEgressExceptions,
  namespaces,
  nodePoolLabel,
} from '@platform/config';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  committedObjects,
  findObject,
  repositoryRoot,
  type RenderedObject,
} from '@platform/rendered-tree';

const runners = ['restricted', 'multi-arch', 'privileged'] as const;
const ci = clusters.find((cluster) => cluster.name === 'ci')!;
const app = committedObjects('rendered/ci/gitlab-runners');

describe('the managers’ RBAC', () => {
  // What each Role grants: runner/executor-permissions.test.ts.
  it('grants nothing cluster-wide', () => {
    expect(app.filter((o) => o.kind === 'ClusterRole' || o.kind === 'ClusterRoleBinding')).toEqual(
      [],
    );
  });

  it('binds each Role to its own manager’s ServiceAccount only', () => {
    for (const runner of runners) {
      const binding = findObject(app, 'RoleBinding', `gitlab-runner-${runner}`);
      expect(binding.subjects).toEqual([
        {
          kind: 'ServiceAccount',
          name: `gitlab-runner-${runner}`,
          namespace: namespaces.runnerManagers,
        },
      ]);
    }
  });
});

describe('the job namespaces’ network policies', () => {
  for (const namespace of [
    namespaces.ciJobs,
    namespaces.ciJobsMultiArch,
    namespaces.ciJobsPrivileged,
  ]) {
    const policies = app.filter(
      (o) => o.kind === 'NetworkPolicy' && o.metadata.namespace === namespace,
    );
    const egress = policies.flatMap(
      (p) => (p.spec as { egress?: { to?: Record<string, unknown>[] }[] }).egress ?? [],
    );

    it(`${namespace}: deny all traffic by default`, () => {
      const denyAll = policies.find((p) => p.metadata.name === 'deny-all')!;
      expect(denyAll.spec).toEqual({ podSelector: {}, policyTypes: ['Egress', 'Ingress'] });
      expect(policies.every((p) => (p.spec as { ingress?: unknown }).ingress === undefined)).toBe(
        true,
      );
    });

    it(`${namespace}: allow DNS and the internet, never a private, shared or link-local range, the VPC or the Services`, () => {
      const peers = egress.flatMap((rule) => rule.to ?? []);
      const ipBlocks = peers.flatMap((peer) =>
        peer.ipBlock ? [peer.ipBlock as { cidr: string; except?: string[] }] : [],
      );
      expect(ipBlocks).toEqual([
        { cidr: `${clusterDnsAddress(ci)}/32` },
        { cidr: '0.0.0.0/0', except: jobEgressExceptions(ci) },
      ]);
      // The exceptions name each reserved range, the VPC and the Service CIDR, or a block holding it.
      expect(jobEgressExceptions(ci)).toEqual([
        '10.0.0.0/8',
        '100.64.0.0/10',
        '169.254.0.0/16',
        '172.16.0.0/12',
        '192.168.0.0/16',
      ]);
      // The only in-cluster peer is the cluster DNS, on port 53.
      const inCluster = peers.filter((peer) => !peer.ipBlock);
      expect(inCluster).toEqual([
        {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
          podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
        },
      ]);
    });
  }
});

describe('the privileged node pool', () => {
  const taint = ciNodePools.ciPrivileged.taints[0]!;

  function tolerates(podSpec: { tolerations?: Record<string, string>[] }): boolean {
    return (podSpec.tolerations ?? []).some(
      (t) =>
        (t.operator === 'Exists' && (t.key === undefined || t.key === taint.key)) ||
        (t.key === taint.key && t.value === taint.value),
    );
  }

  it('is tolerated by no rendered workload except node agents (DaemonSets)', () => {
    const everything = committedObjects('rendered');
    const offenders = everything
      .filter((o: RenderedObject) => o.kind !== 'DaemonSet')
      .filter((o) => {
        const template = (o.spec as { template?: { spec?: object } } | undefined)?.template?.spec;
        return template !== undefined && tolerates(template);
      })
      .map((o) => o.file);
    expect(offenders).toEqual([]);
  });

  it('is in no job toleration of the restricted runner, and only the privileged runner selects it', () => {
    const restricted = readFileSync(
      join(
        repositoryRoot,
        'rendered/ci/gitlab-runners/restricted/configmap-gitlab-runners-gitlab-runner-restricted.yaml',
      ),
      'utf8',
    );
    expect(restricted).not.toContain(`${taint.key}=${taint.value}`);
    expect(restricted).not.toContain(`${nodePoolLabel}" = "${ciNodePools.ciPrivileged.name}"`);
  });
});

describe('the runner managers', () => {
  for (const runner of runners) {
    const deployment = findObject(app, 'Deployment', `gitlab-runner-${runner}`);
    const spec = deployment.spec as {
      replicas: number;
      template: { spec: Record<string, unknown> };
    };

    it(`${runner}: two replicas with a PDB, above job pods, never on Karpenter nodes`, () => {
      expect(spec.replicas).toBeGreaterThanOrEqual(2);
      const pdb = findObject(app, 'PodDisruptionBudget', `gitlab-runner-${runner}`);
      expect(pdb.spec).toEqual({
        maxUnavailable: 1,
        selector: { matchLabels: { app: `gitlab-runner-${runner}` } },
      });
      const pod = spec.template.spec;
      expect(pod.priorityClassName).toBe('gitlab-runner-manager');
      const manager = findObject(app, 'PriorityClass', 'gitlab-runner-manager');
      const job = findObject(app, 'PriorityClass', 'ci-job');
      expect(manager.value as number).toBeGreaterThan(job.value as number);
      expect(JSON.stringify(pod.affinity)).toContain(
        `{"key":"${nodePoolLabel}","operator":"DoesNotExist"}`,
      );
      expect(pod.tolerations).toBeUndefined();
    });

    it(`${runner}: reads its token from the Secret its ExternalSecret fills, and never renders one`, () => {
      const externalSecret = findObject(app, 'ExternalSecret', `gitlab-runner-${runner}-token`);
      expect(JSON.stringify(spec.template.spec.volumes)).toContain(
        `"name":"gitlab-runner-${runner}-token"`,
      );
      expect(externalSecret.metadata.namespace).toBe(namespaces.runnerManagers);
      expect(app.filter((o) => o.kind === 'Secret')).toEqual([]);
    });
  }

  it('leave no GitLab token anywhere in rendered/ or in the apps that hold runner tokens', () => {
    // The chart's own registration script names the `glrt-` prefix (to tell token kinds apart),
    // so the check is for a token: the prefix followed by token characters.
    const token = /\b(glrt|glpat)-[0-9A-Za-z_.-]{8,}/;
    const roots = [
      join(repositoryRoot, 'rendered'),
      join(repositoryRoot, 'apps/gitlab-runners'),
      join(repositoryRoot, 'apps/external-secrets'),
    ];
    for (const root of roots) {
      for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
        if (!/\.(ya?ml|ts|md|toml)$/.test(file)) continue;
        expect(readFileSync(join(root, file), 'utf8'), join(root, file)).not.toMatch(token);
      }
    }
  });
});
