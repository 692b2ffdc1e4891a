import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  capacityFailed,
  capacitySvg,
  type CapacityPlan,
  formatCapacitySummary,
  planRenderedCapacity,
} from '@platform/capacity';
import { inventory, loadProfile, peakLoad } from '@platform/config';
import { readValues } from '@platform/manifests';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../main';
import { collectYamlFiles } from '../../workspace/collect-yaml-files';
import { repositoryRoot } from '../../workspace/repository-root';

// The committed rendered/ tree of the CI cluster: what `gitops check` plans.
const files = collectYamlFiles(repositoryRoot, [join(repositoryRoot, 'rendered', 'ci')]);

describe('gitops capacity over the committed rendered/', () => {
  it('passes for the shipped configuration', () => {
    const plans = planRenderedCapacity(files);
    expect(plans.map((p) => p.cluster)).toEqual(['ci']);
    expect(plans[0]?.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(capacityFailed(plans)).toBe(false);
  });

  it('fails naming the subnet and the shortfall when the ci node subnets shrink to /26', () => {
    const shrunk = structuredClone(inventory);
    const ci = shrunk.clusters.find((c) => c.name === 'ci')!;
    ci.network.subnets = ci.network.subnets.map((s, i) =>
      s.purpose === 'nodes' ? { ...s, cidr: `10.20.${i}.0/26` } : s,
    );
    const plans = planRenderedCapacity(files, 'ci', { inventory: shrunk });
    expect(capacityFailed(plans)).toBe(true);
    const lines = formatCapacitySummary(plans);
    // A /26 holds 64 addresses, of which AWS reserves 5 in every subnet.
    const free = 2 ** (32 - 26) - 5;
    const subnet = ci.network.subnets.filter((s) => s.purpose === 'nodes')[1]!;
    expect(lines.find((l) => l.includes(`subnet ${subnet.name}`))).toMatch(
      new RegExp(
        `^error {3}subnet ${subnet.name} \\(${subnet.availabilityZone}, ${subnet.cidr.replaceAll('.', '\\.')}\\): peak needs \\d+ addresses, ${free} free \\(short by \\d+;`,
      ),
    );
  });

  it('fails naming the NodePool and its rendered limits when the peak outgrows them', () => {
    const plans = planRenderedCapacity(files, 'ci', {
      overrides: {
        peak: { ...peakLoad, concurrentJobsPerPipeline: peakLoad.concurrentJobsPerPipeline * 4 },
      },
    });
    const file = 'rendered/ci/karpenter/node-pools/nodepool-ci-jobs.yaml';
    const finding = plans[0]?.findings.find((f) => f.subject === 'NodePool ci-jobs');
    expect(finding).toMatchObject({ severity: 'error', file });
    const [pool] = readValues(files.find((f) => f.path === file)!.content).values as {
      spec: { limits: { cpu: string; memory: string } };
    }[];
    const { cpu, memory } = pool!.spec.limits;
    expect(finding?.message).toMatch(
      new RegExp(`spec\\.limits allow cpu ${cpu}, memory ${memory} \\(short by \\d+ CPU`),
    );
  });

  it('fails naming the EC2NodeClass and its volumeSize when the root volume cannot hold a node of jobs', () => {
    const nodeClass = 'rendered/ci/karpenter/node-classes/ec2nodeclass-ci-jobs.yaml';
    const shrunk = files.map((file) =>
      file.path === nodeClass
        ? { ...file, content: file.content.replace(/volumeSize: \d+Gi/, 'volumeSize: 100Gi') }
        : file,
    );
    const plans = planRenderedCapacity(shrunk, 'ci');
    expect(capacityFailed(plans)).toBe(true);
    expect(formatCapacitySummary(plans).find((l) => l.includes('EC2NodeClass ci-jobs'))).toMatch(
      /^error {3}rendered\/ci\/karpenter\/node-classes\/ec2nodeclass-ci-jobs\.yaml {2}EC2NodeClass ci-jobs: spec\.blockDeviceMappings\[0\]\.ebs\.volumeSize 100Gi is too small for \d+ \w+ jobs on a /,
    );
  });
});

describe('gitops capacity (command)', () => {
  it('prints the report, writes the SVG of the plan and exits 0 for the shipped configuration', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'capacity-'));
    const svg = join(directory, 'plan.svg');
    const exit = await main(['capacity', '--cluster', 'ci', '--svg', svg], repositoryRoot);
    expect(exit).toBe(0);
    const [plan] = planRenderedCapacity(files, 'ci');
    expect(readFileSync(svg, 'utf8')).toBe(capacitySvg(plan!));
    rmSync(directory, { recursive: true, force: true });
  });

  it('gives every cost figure with its inputs under --json: prices, profile, nodes × price', async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      expect(await main(['capacity', '--cluster', 'ci', '--json'], repositoryRoot)).toBe(0);
    } finally {
      spy.mockRestore();
    }
    const [plan] = JSON.parse(written.join('')) as [CapacityPlan];
    expect(plan.cost.prices).toMatchObject({ region: 'us-east-1', karpenterVersion: 'v1.14.1' });
    expect(plan.cost.clusterRegion).toBe('eu-west-1');
    expect(plan.cost.profile).toEqual(loadProfile);
    for (const pool of plan.cost.pools)
      for (const load of [pool.peak, pool.typical, pool.buffer])
        expect(load.usdPerHour).toBeCloseTo(load.nodes * load.usdPerNodeHour, 10);
    expect(plan.pools.find((p) => p.name === 'ci-jobs')?.buffer?.chunks).toBeGreaterThan(0);
  });

  it('exits 1 naming the cluster when nothing is rendered for it', async () => {
    expect(await main(['capacity', '--cluster', 'mgmt'], repositoryRoot)).toBe(1);
  });
});
