import {
  allCiNodePools,
  clusterByName,
  inventory,
  namespaces,
  type CiNodePool,
} from '@platform/config';
import { checkNodeAgentTolerations } from '@platform/monitoring';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { committedFiles, committedObjects } from '@platform/rendered-tree';
import { nodeAgentTolerationsFor } from './node-agent-scheduling';

const ci = clusterByName(inventory, 'ci');

/** NodePools as Karpenter renders them from the same node-pool data (only the taints matter here). */
function nodePoolFiles(pools: readonly CiNodePool[]) {
  return pools.map((pool) => ({
    path: `rendered/ci/karpenter/node-pools/nodepool-${pool.name}.yaml`,
    content: stringify({
      apiVersion: 'karpenter.sh/v1',
      kind: 'NodePool',
      metadata: { name: pool.name },
      spec: { template: { spec: { taints: pool.taints } } },
    }),
  }));
}

/** The committed agent DaemonSets, optionally with their tolerations replaced. */
function agentFiles(tolerations?: unknown[]) {
  return ['datadog', 'fluent-bit'].map((component) => {
    const [daemonSet] = committedObjects(`rendered/ci/observability/${component}`).filter(
      (o) => o.kind === 'DaemonSet',
    );
    if (tolerations) daemonSet!.spec.template.spec.tolerations = tolerations;
    return {
      path: `rendered/ci/observability/${component}/daemonset-observability-${component}.yaml`,
      content: stringify(daemonSet),
    };
  });
}

const check = (files: { path: string; content: string }[]) =>
  checkNodeAgentTolerations({ renderedFiles: files, agentNamespace: namespaces.observability });

describe('both node agents run on every CI node', () => {
  it('the committed DaemonSets carry exactly the tolerations derived from the node pools', () => {
    for (const file of agentFiles()) {
      expect(file.content).toContain('ci.platform/jobs');
    }
    const committed = committedObjects('rendered/ci/observability')
      .filter((o) => o.kind === 'DaemonSet')
      .map((o) => o.spec.template.spec.tolerations);
    expect(committed).toEqual([nodeAgentTolerationsFor(ci), nodeAgentTolerationsFor(ci)]);
  });

  it('passes against NodePools rendered from the current pools', () => {
    expect(check([...nodePoolFiles(allCiNodePools), ...agentFiles()])).toEqual([]);
  });

  it('fails when a pool gains a taint, until the agents derive their tolerations again', () => {
    const gpu = { key: 'ci.platform/gpu', value: 'true', effect: 'NoSchedule' as const };
    const tainted = allCiNodePools.map((pool, index) =>
      index === 0 ? { ...pool, taints: [...pool.taints, gpu] } : pool,
    );
    const failing = check([...nodePoolFiles(tainted), ...agentFiles()]);
    expect(failing.map((f) => f.resource).sort()).toEqual([
      'DaemonSet/observability/datadog',
      'DaemonSet/observability/fluent-bit',
    ]);
    expect(failing[0]!.message).toContain(
      `ci.platform/gpu=true:NoSchedule of NodePool ${tainted[0]!.name}`,
    );

    const derived = nodeAgentTolerationsFor(ci, tainted);
    expect(check([...nodePoolFiles(tainted), ...agentFiles(derived)])).toEqual([]);
  });

  it('the management cluster has no tainted pools, so its agents carry no tolerations', () => {
    expect(nodeAgentTolerationsFor(clusterByName(inventory, 'mgmt'))).toEqual([]);
    expect(committedFiles('rendered/mgmt/observability/fluent-bit').length).toBeGreaterThan(0);
  });
});
