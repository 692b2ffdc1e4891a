import type { KarpenterValues } from '@platform/charts';
import { clusterByName, inventory, type Inventory } from '@platform/config';
import { renderApp } from '@platform/core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import karpenter from '../app';

function renderedValues(inv: Inventory, cluster: string): KarpenterValues {
  const [file] = renderApp(karpenter, inv, cluster);
  return parse(file!.content) as KarpenterValues;
}

describe('the Karpenter controller values', () => {
  it('derive the cluster name, endpoint, IRSA role and interruption queue from the inventory', () => {
    const ci = clusterByName(inventory, 'ci');
    const values = renderedValues(inventory, 'ci');
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
    const values = renderedValues(moved, 'ci');
    expect(values.settings?.clusterName).toBe('platform-ci-blue');
    expect(values.serviceAccount?.annotations?.['eks.amazonaws.com/role-arn']).toBe(
      'arn:aws:iam::999999999999:role/platform-ci-blue-karpenter-controller',
    );
  });

  it('keep two replicas off the nodes Karpenter launches, spread across zones', () => {
    const values = renderedValues(inventory, 'ci');
    expect(values.replicas).toBe(2);
    expect(
      values.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
        ?.nodeSelectorTerms,
    ).toContainEqual({
      matchExpressions: [{ key: 'karpenter.sh/nodepool', operator: 'DoesNotExist' }],
    });
    expect(values.topologySpreadConstraints?.[0]).toMatchObject({
      topologyKey: 'topology.kubernetes.io/zone',
      whenUnsatisfiable: 'DoNotSchedule',
    });
    expect(values.controller?.resources?.requests).toEqual(values.controller?.resources?.limits);
  });
});
