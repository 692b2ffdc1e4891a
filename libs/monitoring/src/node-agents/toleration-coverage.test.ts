import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  checkNodeAgentTolerations,
  tolerates,
  type Taint,
  type Toleration,
} from './toleration-coverage';

const taint: Taint = { key: 'ci.platform/jobs', value: 'restricted', effect: 'NoSchedule' };

describe('tolerates', () => {
  it('follows the Kubernetes matching rules', () => {
    expect(tolerates({ key: taint.key, operator: 'Equal', value: 'restricted' }, taint)).toBe(true);
    expect(tolerates({ key: taint.key, operator: 'Equal', value: 'privileged' }, taint)).toBe(
      false,
    );
    expect(tolerates({ key: taint.key, operator: 'Exists', effect: 'NoSchedule' }, taint)).toBe(
      true,
    );
    expect(tolerates({ key: taint.key, operator: 'Exists', effect: 'NoExecute' }, taint)).toBe(
      false,
    );
    expect(tolerates({ operator: 'Exists' }, taint)).toBe(true);
    expect(tolerates({ key: 'other', operator: 'Exists' }, taint)).toBe(false);
  });
});

function nodePool(name: string, taints: Taint[], startupTaints: Taint[] = []) {
  return {
    path: `rendered/ci/karpenter/node-pools/nodepool-${name}.yaml`,
    content: stringify({
      apiVersion: 'karpenter.sh/v1',
      kind: 'NodePool',
      metadata: { name },
      spec: { template: { spec: { taints, startupTaints } } },
    }),
  };
}

function daemonSet(cluster: string, namespace: string, tolerations: Toleration[]) {
  return {
    path: `rendered/${cluster}/observability/agents/daemonset-${namespace}-agent.yaml`,
    content: stringify({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace },
      spec: { template: { spec: { tolerations, containers: [] } } },
    }),
  };
}

const exact: Toleration = {
  key: taint.key,
  operator: 'Equal',
  value: 'restricted',
  effect: 'NoSchedule',
};

describe('checkNodeAgentTolerations', () => {
  it('passes when every agent tolerates every NodePool taint of its cluster', () => {
    const findings = checkNodeAgentTolerations({
      agentNamespace: 'observability',
      renderedFiles: [nodePool('jobs', [taint]), daemonSet('ci', 'observability', [exact])],
    });
    expect(findings).toEqual([]);
  });

  it('fails an agent that misses a taint or a startup taint, naming the pool', () => {
    const startup: Taint = {
      key: 'node.cilium.io/agent-not-ready',
      value: 'true',
      effect: 'NoExecute',
    };
    const findings = checkNodeAgentTolerations({
      agentNamespace: 'observability',
      renderedFiles: [
        nodePool('jobs', [taint], [startup]),
        daemonSet('ci', 'observability', [exact]),
      ],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      resource: 'DaemonSet/observability/agent',
      field: 'spec.template.spec.tolerations',
      rule: 'node-agent-tolerations',
      message: expect.stringContaining(
        'node.cilium.io/agent-not-ready=true:NoExecute of NodePool jobs',
      ),
    });
  });

  it('ignores DaemonSets outside the agent namespace and NodePools of other clusters', () => {
    const findings = checkNodeAgentTolerations({
      agentNamespace: 'observability',
      renderedFiles: [
        nodePool('jobs', [taint]),
        daemonSet('ci', 'kube-system', []),
        daemonSet('mgmt', 'observability', []),
      ],
    });
    expect(findings).toEqual([]);
  });
});
