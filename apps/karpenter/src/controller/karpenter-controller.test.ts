import { alphaFeatureGateAnnotation, karpenterFeatureGates } from '@platform/charts';
import { clusterByName, inventory } from '@platform/config';
import { componentContext } from '@platform/core';
import { committedObjects } from '@platform/rendered-tree';
import { describe, expect, it } from 'vitest';
import karpenterController from './component';

const placement = { app: 'karpenter', name: 'controller', inventory };

function valuesFor(inv = inventory, cluster = 'ci') {
  const context = componentContext(karpenterController, { ...placement, inventory: inv }, cluster);
  return karpenterController.chart!.values(context);
}

describe('the Karpenter controller values', () => {
  it('derive the cluster name, endpoint, IRSA role and interruption queue from the inventory', () => {
    const ci = clusterByName(inventory, 'ci');
    const values = valuesFor();
    expect(values.settings).toMatchObject({
      clusterName: ci.eks.clusterName,
      clusterEndpoint: ci.eks.endpoint,
      interruptionQueue: `${ci.eks.clusterName}-karpenter-interruptions`,
    });
    expect(values.serviceAccount?.annotations?.['eks.amazonaws.com/role-arn']).toBe(
      `arn:aws:iam::${ci.aws.accountId}:role/${ci.eks.clusterName}-karpenter-controller`,
    );
  });

  it('follow a cluster rename or account move without edits here', () => {
    const moved = structuredClone(inventory);
    const ci = moved.clusters.find((c) => c.name === 'ci')!;
    ci.eks.clusterName = 'platform-ci-blue';
    ci.aws.accountId = '999999999999';
    const values = valuesFor(moved);
    expect(values.settings?.clusterName).toBe('platform-ci-blue');
    expect(values.serviceAccount?.annotations?.['eks.amazonaws.com/role-arn']).toBe(
      'arn:aws:iam::999999999999:role/platform-ci-blue-karpenter-controller',
    );
  });
});

describe('the inflated Karpenter chart', () => {
  const objects = committedObjects('rendered/ci/karpenter/controller');
  const deployment = objects.find((o) => o.kind === 'Deployment')!;

  it('runs two replicas off the nodes Karpenter launches, spread across zones, requests = limits', () => {
    expect(deployment.spec.replicas).toBe(2);
    const pod = deployment.spec.template.spec;
    expect(
      pod.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms,
    ).toContainEqual({
      matchExpressions: [{ key: 'karpenter.sh/nodepool', operator: 'DoesNotExist' }],
    });
    expect(pod.topologySpreadConstraints[0]).toMatchObject({
      topologyKey: 'topology.kubernetes.io/zone',
      whenUnsatisfiable: 'DoNotSchedule',
    });
    const [controller] = pod.containers;
    expect(controller.resources.requests).toEqual(controller.resources.limits);
  });

  it('turns on the CapacityBuffer and NodeOverlay gates, each alpha gate with its reason beside it', () => {
    const pod = deployment.spec.template;
    const env = pod.spec.containers[0].env as { name: string; value: string }[];
    const gates = env.find((e) => e.name === 'FEATURE_GATES')!.value.split(',');
    expect(gates).toEqual(expect.arrayContaining(['CapacityBuffer=true', 'NodeOverlay=true']));
    for (const gate of gates.filter((g) => g.endsWith('=true')).map((g) => g.split('=')[0]!)) {
      const known = Object.values(karpenterFeatureGates).find((g) => g.gate === gate)!;
      if (known.maturity === 'alpha')
        expect(pod.metadata.annotations[alphaFeatureGateAnnotation(gate)], gate).toMatch(/\S/);
    }
  });

  it('installs the CRDs the node pools need, at the version the controller runs', () => {
    const crds = objects
      .filter((o) => o.kind === 'CustomResourceDefinition')
      .map((o) => o.metadata.name);
    expect(crds).toEqual(
      expect.arrayContaining([
        'nodepools.karpenter.sh',
        'ec2nodeclasses.karpenter.k8s.aws',
        'nodeclaims.karpenter.sh',
        'capacitybuffers.autoscaling.x-k8s.io',
        'nodeoverlays.karpenter.sh',
      ]),
    );
  });
});
