import { clusterByName, inventory, karpenterNodeRoleName } from '@platform/config';
import { describe, expect, it } from 'vitest';
import { ciNodeClasses } from '../ci-nodes/ci-node-shapes';
import { committedObjects, findObject } from '@platform/rendered-tree';
import { nodeClassManifest } from '../ci-nodes/node-class-manifest';
import { renderTimePlan } from '../ci-nodes/peak-limits';
import { nodeClassRootDisk } from '../ci-nodes/root-disk';

const ci = clusterByName(inventory, 'ci');

describe('the CI EC2NodeClasses', () => {
  it('pin the AL2023 AMI to a release, never @latest', () => {
    for (const shape of Object.values(ciNodeClasses)) {
      const [term] = nodeClassManifest(shape, ci).spec?.amiSelectorTerms ?? [];
      expect(term?.alias).toMatch(/^al2023@v\d{8}$/);
    }
  });

  it('select the inventory node subnets by Name and the node role by the naming scheme', () => {
    const spec = nodeClassManifest(ciNodeClasses.jobs, ci).spec!;
    expect(spec.subnetSelectorTerms).toEqual(
      ci.network.subnets
        .filter((s) => s.purpose === 'nodes')
        .map((s) => ({ tags: { Name: s.name } })),
    );
    expect(spec.role).toBe(karpenterNodeRoleName(ci));
    expect(spec.securityGroupSelectorTerms).toEqual([
      { tags: { 'karpenter.sh/discovery': ci.eks.clusterName } },
    ]);
  });

  it('give the privileged class a node role and a security-group tag no other class selects', () => {
    const disk = { volumeGi: 100, systemReservedGi: 20 };
    const privileged = nodeClassManifest(ciNodeClasses.privileged, ci, disk).spec!;
    const others = Object.values(ciNodeClasses)
      .filter((shape) => shape !== ciNodeClasses.privileged)
      .map((shape) => nodeClassManifest(shape, ci, disk).spec!);
    expect(privileged.role).toBe(karpenterNodeRoleName(ci, 'privileged'));
    for (const other of others) {
      expect(other.role).not.toBe(privileged.role);
      const tags = (terms: typeof privileged.securityGroupSelectorTerms) =>
        (terms ?? []).map((term) => JSON.stringify(term.tags));
      expect(tags(other.securityGroupSelectorTerms)).not.toContain(
        tags(privileged.securityGroupSelectorTerms)[0],
      );
    }
  });

  it('require IMDSv2 with hop limit 1 and an encrypted gp3 root volume of the size given', () => {
    const disk = { volumeGi: 530, systemReservedGi: 121 };
    const spec = nodeClassManifest(ciNodeClasses.privileged, ci, disk).spec!;
    expect(spec.metadataOptions).toMatchObject({
      httpTokens: 'required',
      httpPutResponseHopLimit: 1,
    });
    expect(spec.blockDeviceMappings).toEqual([
      expect.objectContaining({
        rootVolume: true,
        ebs: expect.objectContaining({ volumeType: 'gp3', encrypted: true, volumeSize: '530Gi' }),
      }),
    ]);
    expect(spec.kubelet?.systemReserved).toEqual({ 'ephemeral-storage': '121Gi' });
  });

  it('render the root volume and system reserve the render-time capacity plan sizes', () => {
    const plan = renderTimePlan(ci);
    const rendered = committedObjects('rendered/ci/karpenter/node-classes');
    for (const shape of Object.values(ciNodeClasses)) {
      const disk = nodeClassRootDisk(shape, ci, plan);
      const spec = findObject(rendered, 'EC2NodeClass', shape.name).spec as {
        blockDeviceMappings: { ebs: { volumeSize: string } }[];
        kubelet: { systemReserved: Record<string, string> };
      };
      expect(spec.blockDeviceMappings[0]!.ebs.volumeSize).toBe(`${disk.volumeGi}Gi`);
      expect(spec.kubelet.systemReserved).toEqual({
        'ephemeral-storage': `${disk.systemReservedGi}Gi`,
      });
    }
  });

  it('set maxPods and its memory reservation for prefix delegation, and nothing for secondary IPs', () => {
    expect(nodeClassManifest(ciNodeClasses.jobs, ci).spec?.kubelet).toEqual({
      maxPods: 110,
      kubeReserved: { memory: '1465Mi' },
    });
    const secondary = {
      ...ci,
      podNetworking: { mode: 'secondary-ips', warmEniTarget: 1 } as const,
    };
    expect(nodeClassManifest(ciNodeClasses.jobs, secondary).spec?.kubelet).toBeUndefined();
  });

  it('name the inventory file when the cluster has no pod networking', () => {
    const bare = { ...ci, podNetworking: undefined };
    expect(() => nodeClassManifest(ciNodeClasses.jobs, bare)).toThrow(
      'libs/config/src/clusters/ci.ts: cluster ci runs Karpenter node pools but sets no podNetworking',
    );
  });
});
