import { describe, expect, it } from 'vitest';
import type { NodeClassSettings } from '../node/node-class-settings';
import { fixtureInput, fixtureNodeClass, fixturePool } from '../testing/plan-fixture';
import { planCapacity } from './plan-capacity';
import { nodeDiskCandidates, rootDiskSettings } from './root-volume-plan';

const gi = 1024;

/**
 * The fixture with its amd64 pool alone on an EC2NodeClass of its own, bounded to c6i.4xlarge:
 * 17 small jobs per node ((32768 − 2458 − 1465 − 100 − the add-ons' 0) / 1664, see
 * plan-capacity.test.ts), and 2 large ones (28745Mi / 10496Mi). A small job pod stores
 * 6 + 1 + 2 = 9Gi, a large one 24 + 2 + 2 × 12 = 50Gi; each job's images 3Gi, the system 10Gi.
 */
function diskInput(volumeGi: number, kubelet: Partial<NodeClassSettings['kubelet']> = {}) {
  const nodeClass: NodeClassSettings = {
    ...fixtureNodeClass,
    name: 'jobs-disk',
    file: 'rendered/test/karpenter/node-classes/ec2nodeclass-jobs-disk.yaml',
    // No system reserve unless a test sets one.
    kubelet: { ...fixtureNodeClass.kubelet, systemReservedEphemeralMiB: undefined, ...kubelet },
    rootVolume: { path: 'spec.blockDeviceMappings[0].ebs.volumeSize', sizeMiB: volumeGi * gi },
  };
  const base = fixtureInput();
  const jobs = fixturePool('jobs', 'amd64', {
    nodeClassName: 'jobs-disk',
    requirements: [
      { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] },
      { key: 'karpenter.k8s.aws/instance-family', operator: 'In', values: ['c6i'] },
      { key: 'karpenter.k8s.aws/instance-size', operator: 'In', values: ['4xlarge'] },
    ],
  });
  return fixtureInput({
    nodePools: [jobs, ...base.nodePools.filter((p) => p.name !== 'jobs')],
    nodeClasses: [...base.nodeClasses, nodeClass],
  });
}

const diskFindings = (plan: ReturnType<typeof planCapacity>) =>
  plan.findings.filter((f) => f.subject === 'EC2NodeClass jobs-disk');

describe('root volumes', () => {
  it('finds the node that puts the most on its disk: 17 small jobs × (9Gi + 3Gi) + 10Gi = 214Gi', () => {
    const plan = planCapacity(diskInput(300));
    const volume = plan.rootVolumes.find((v) => v.nodeClass === 'jobs-disk')!;
    expect(plan.jobEphemeralStorageMiB).toEqual({ small: 9 * gi, large: 50 * gi });
    expect(volume.worst).toMatchObject({
      instanceType: 'c6i.4xlarge',
      sizeClass: 'small',
      jobs: 17,
      load: { jobStorageMiB: 153 * gi, imagesMiB: 51 * gi, systemMiB: 10 * gi },
    });
    // Above nodefs.available 10%: 214Gi / 0.9. (2 large jobs put only 100 + 6 + 10 = 116Gi there.)
    expect(volume.neededMiB).toBeCloseTo((214 * gi) / 0.9, 6);
    expect(volume.maxJobsPerNode).toBe(17);
  });

  it('fails a root volume smaller than that, naming the field, the node and the shortfall', () => {
    const findings = diskFindings(planCapacity(diskInput(200)));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([
      {
        severity: 'error',
        subject: 'EC2NodeClass jobs-disk',
        file: 'rendered/test/karpenter/node-classes/ec2nodeclass-jobs-disk.yaml',
        message:
          "spec.blockDeviceMappings[0].ebs.volumeSize 200Gi is too small for 17 small jobs on a c6i.4xlarge (NodePool jobs): their 153Gi of ephemeral storage, 51Gi of images and the system's 10Gi, with kube-reserved 1Gi, system-reserved 0Gi and eviction below 10% free, need 238Gi (short by 38Gi)",
      },
    ]);
    expect(
      diskFindings(planCapacity(diskInput(238))).filter((f) => f.severity === 'error'),
    ).toEqual([]);
  });

  it('counts an imagefs.available threshold on the same volume: 214Gi at 15% free needs 252Gi', () => {
    const plan = planCapacity(diskInput(240, { evictionHardImagefs: { share: 0.15 } }));
    expect(diskFindings(plan).find((f) => f.severity === 'error')?.message).toMatch(
      /eviction below 10% and 15% free, need 252Gi \(short by 12Gi\)/,
    );
  });

  it('warns while the system reserve does not cover the busiest node’s images and the system (17 × 3 + 10 = 61Gi)', () => {
    const unreserved = diskFindings(planCapacity(diskInput(300)));
    expect(unreserved.map((f) => f.severity)).toEqual(['warning']);
    expect(unreserved[0]!.message).toMatch(
      /systemReserved.ephemeral-storage 0Gi does not cover the images of 17 jobs and the system \(61Gi\)/,
    );
    const reserved = planCapacity(diskInput(300, { systemReservedEphemeralMiB: 61 * gi }));
    expect(diskFindings(reserved)).toEqual([]);
  });

  it('renders a 61Gi system reserve and the 10Gi-rounded volume that then fits: (153 + 1 + 61) / 0.9 → 240Gi', () => {
    const input = diskInput(0);
    const plan = planCapacity(input);
    const nodeClass = input.nodeClasses.find((c) => c.name === 'jobs-disk')!;
    const candidates = nodeDiskCandidates(
      plan.pools,
      'jobs-disk',
      plan.jobEphemeralStorageMiB,
      input.nodeDisk,
    );
    const settings = rootDiskSettings(nodeClass, candidates, input.nodeDisk);
    expect(settings).toEqual({ volumeGi: 240, systemReservedGi: 61 });
    const sized = planCapacity(
      diskInput(settings.volumeGi, { systemReservedEphemeralMiB: settings.systemReservedGi * gi }),
    );
    expect(diskFindings(sized)).toEqual([]);
  });

  it('sizes a one-job-per-node pool for one job: the large one, 50Gi of storage and 3Gi of images', () => {
    const input = { ...diskInput(0), oneJobPerNodePools: ['jobs'] };
    const plan = planCapacity(input);
    const nodeClass = input.nodeClasses.find((c) => c.name === 'jobs-disk')!;
    const candidates = nodeDiskCandidates(
      plan.pools,
      'jobs-disk',
      plan.jobEphemeralStorageMiB,
      input.nodeDisk,
    );
    expect(new Set(candidates.map((c) => c.jobs))).toEqual(new Set([1]));
    // System reserve: 1 × 3 + 10 = 13Gi; volume: (50 + 1 + 13) / 0.9 = 71.1 → 80Gi.
    expect(rootDiskSettings(nodeClass, candidates, input.nodeDisk)).toEqual({
      volumeGi: 80,
      systemReservedGi: 13,
    });
  });

  it('fails an EC2NodeClass without a rootVolume device', () => {
    const input = diskInput(300);
    const bare = input.nodeClasses.map((c) =>
      c.name === 'jobs-disk' ? { ...c, rootVolume: undefined } : c,
    );
    const findings = diskFindings(planCapacity({ ...input, nodeClasses: bare }));
    expect(findings[0]!.message).toMatch(/no entry with rootVolume: true/);
  });
});
