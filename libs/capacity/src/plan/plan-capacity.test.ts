import { describe, expect, it } from 'vitest';
import { fixtureCluster, fixtureInput, fixturePool } from '../testing/plan-fixture';
import { eksAddOnDaemonSets, type DaemonSetLoad } from '../workload/daemon-set-load';
import { planCapacity } from './plan-capacity';

const poolPlan = (plan: ReturnType<typeof planCapacity>, name: string) => {
  const found = plan.pools.find((p) => p.name === name);
  if (!found) throw new Error(`no plan for ${name}`);
  return found;
};
const podsPerNode = (
  plan: ReturnType<typeof planCapacity>,
  pool: string,
  type: string,
  sizeClass: string,
) =>
  poolPlan(plan, pool)
    .fits.find((f) => f.type.name === type)
    ?.classes.find((c) => c.sizeClass === sizeClass)?.podsPerNode;

describe('planCapacity', () => {
  it('fits the fixture peak with no findings', () => {
    const plan = planCapacity(fixtureInput());
    expect(plan.findings).toEqual([]);
    // 100 jobs: 10 privileged, 27 of the other 90 on arm64, 63 on amd64; each pool's 80/20
    // split rounds up (63 → 51 small + 13 large).
    expect(plan.pools.map((p) => p.jobs)).toEqual([51 + 13, 22 + 6, 8 + 2]);
  });

  it('gives every job of a one-job-per-node pool a node of its own, and no waste target there', () => {
    const packed = poolPlan(planCapacity(fixtureInput()), 'privileged');
    const plan = planCapacity(fixtureInput({ oneJobPerNodePools: ['privileged'] }));
    const isolated = poolPlan(plan, 'privileged');
    expect(packed.peak!.nodes).toBeLessThan(packed.jobs);
    expect(isolated.peak).toMatchObject({ nodes: isolated.jobs, jobsPerNode: 1 });
    expect(plan.findings).toEqual([]);
    // The shared pools are planned as before.
    expect(poolPlan(plan, 'jobs').peak).toEqual(
      poolPlan(planCapacity(fixtureInput()), 'jobs').peak,
    );
  });

  it('packs small jobs by memory on c6i.4xlarge: (32768 − 2458 − 1465 − 100) / 1664 = 17', () => {
    const plan = planCapacity(fixtureInput());
    expect(podsPerNode(plan, 'jobs', 'c6i.4xlarge', 'small')).toBe(17);
  });

  it('fits fewer jobs per node when a DaemonSet that tolerates the pool asks for memory', () => {
    const agent: DaemonSetLoad = {
      name: 'observability/agent',
      source: 'rendered/test/observability/agent/daemonset-observability-agent.yaml',
      hostNetwork: false,
      requests: { cpuMillis: 200, memoryMiB: 1024 },
      placement: { tolerations: [{ operator: 'Exists' }], nodeSelector: {}, nodeAffinityTerms: [] },
    };
    // 28745Mi left after the EKS add-ons holds 17 small jobs; 1Gi less holds 16.
    const after = planCapacity(fixtureInput({ daemonSets: [...eksAddOnDaemonSets, agent] }));
    expect(podsPerNode(after, 'jobs', 'c6i.4xlarge', 'small')).toBe(16);
    const untolerated = { ...agent, placement: { ...agent.placement, tolerations: [] } };
    const ignored = planCapacity(
      fixtureInput({ daemonSets: [...eksAddOnDaemonSets, untolerated] }),
    );
    expect(podsPerNode(ignored, 'jobs', 'c6i.4xlarge', 'small')).toBe(17);
  });

  it('chooses other instance types when the job mix changes', () => {
    const cpuHeavy = planCapacity(fixtureInput());
    const memoryHeavy = planCapacity(
      fixtureInput({
        sizeClasses: {
          ...fixtureInput().sizeClasses,
          small: {
            ...fixtureInput().sizeClasses.small!,
            build: { cpu: '500m', memory: '6Gi', ephemeralStorage: '6Gi' },
          },
        },
      }),
    );
    const chosen = (plan: typeof cpuHeavy) => poolPlan(plan, 'jobs').peak?.instanceType;
    // 850m/1664Mi jobs suit 2 GiB per vCPU; 850m/6784Mi jobs need the 4 GiB of m6i.
    expect(chosen(cpuHeavy)).toMatch(/^c6i\./);
    expect(chosen(memoryHeavy)).toMatch(/^m6i\./);
  });

  it('fails naming the subnet, its zone and the shortfall when the subnets are /26', () => {
    const plan = planCapacity(fixtureInput({ cluster: fixtureCluster(26) }));
    const subnet = plan.findings.find((f) => f.subject.startsWith('subnet test-nodes-a'));
    expect(subnet).toMatchObject({
      severity: 'error',
      subject: 'subnet test-nodes-a (eu-west-1a, 10.0.0.0/26)',
    });
    expect(subnet?.message).toMatch(/^peak needs (\d+) addresses, 59 free \(short by \d+;/);
  });

  it('fails naming the pool when the peak needs more than its limits', () => {
    const tight = fixturePool('jobs', 'amd64', {
      limits: { cpuMillis: 32_000, memoryMiB: 1_000_000 },
    });
    const plan = planCapacity(
      fixtureInput({
        nodePools: [tight, fixturePool('jobs-arm64', 'arm64'), fixturePool('privileged', 'amd64')],
      }),
    );
    const finding = plan.findings.find((f) => f.subject === 'NodePool jobs');
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toMatch(
      /spec\.limits allow cpu 32, memory 1000000Mi \(short by \d+ CPU\)$/,
    );
  });

  it('refuses a pool whose requirements do not bound it to catalog families', () => {
    const open = fixturePool('jobs', 'amd64', {
      requirements: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] }],
    });
    const plan = planCapacity(
      fixtureInput({
        nodePools: [open, fixturePool('jobs-arm64', 'arm64'), fixturePool('privileged', 'amd64')],
      }),
    );
    expect(plan.findings.map((f) => `${f.subject}: ${f.message}`)).toContain(
      'NodePool jobs: requirements do not list its instance families (karpenter.k8s.aws/instance-family In …), so it may launch types the capacity catalog does not know',
    );
  });

  it('reports a kubelet maxPods the network mode cannot address', () => {
    const cluster = {
      ...fixtureCluster(),
      podNetworking: { mode: 'secondary-ips', warmEniTarget: 1 } as const,
    };
    const plan = planCapacity(fixtureInput({ cluster }));
    const finding = plan.findings.find((f) => f.subject === 'EC2NodeClass test');
    expect(finding?.message).toContain(
      'kubelet maxPods 110 exceeds what secondary-ips gives c6i.2xlarge (58)',
    );
  });

  it('names the inventory file and field of a bad warm target', () => {
    const cluster = {
      ...fixtureCluster(),
      podNetworking: { mode: 'prefix-delegation', warmPrefixTarget: -1 } as const,
    };
    expect(() => planCapacity(fixtureInput({ cluster }))).toThrow(
      'libs/config/src/clusters/test.ts: cluster test: podNetworking.warmPrefixTarget is -1, not a whole number of at least 0',
    );
  });

  it('fails naming the pool, the type and the shares when the main size class wastes too much', () => {
    const plan = planCapacity(fixtureInput({ maxMainClassWaste: 0.01 }));
    const finding = plan.findings.find((f) => f.subject === 'NodePool jobs');
    expect(finding?.message).toMatch(
      /^small jobs \(the main size class\) leave \d+% of the CPU and \d+% of the memory of a c6i\.\w+ unallocated \(\d+ per node\); the target is at most 1%$/,
    );
  });
});
