import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capacitySvg, formatCapacityReport } from '@platform/capacity';
import { peakLoad, inventory } from '@platform/config';
import { describe, expect, it } from 'vitest';
import { main } from '../main';
import { collectYamlFiles } from '../workspace/collect-yaml-files';
import { repositoryRoot } from '../workspace/repository-root';
import { capacityFailed, formatCapacitySummary, planRenderedCapacity } from './capacity-command';

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
    expect(lines.find((l) => l.includes('subnet ci-nodes-b'))).toMatch(
      /^error {3}subnet ci-nodes-b \(eu-west-1b, 10\.20\.1\.0\/26\): peak needs \d+ addresses, 59 free \(short by \d+;/,
    );
  });

  it('fails naming the NodePool when the peak outgrows its limits', () => {
    const plans = planRenderedCapacity(files, 'ci', {
      overrides: { peak: { ...peakLoad, concurrentJobsPerPipeline: 400 } },
    });
    const finding = plans[0]?.findings.find((f) => f.subject === 'NodePool ci-jobs');
    expect(finding).toMatchObject({
      severity: 'error',
      file: 'rendered/ci/karpenter/node-pools/nodepool-ci-jobs.yaml',
    });
    expect(finding?.message).toMatch(
      /spec\.limits allow cpu 1920, memory 15360Gi \(short by \d+ CPU\)$/,
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

  it('matches the report and the SVG committed under docs/ (regenerate with gitops capacity)', () => {
    const [plan] = planRenderedCapacity(files, 'ci');
    const committed = (name: string) => readFileSync(join(repositoryRoot, 'docs', name), 'utf8');
    expect(committed('capacity.svg')).toBe(capacitySvg(plan!));
    expect(committed('capacity-report.txt')).toBe(formatCapacityReport(plan!));
  });
});

describe('gitops capacity (command)', () => {
  it('prints the report, writes the SVG and exits 0 for the shipped configuration', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'capacity-'));
    const svg = join(directory, 'plan.svg');
    const exit = await main(['capacity', '--cluster', 'ci', '--svg', svg], repositoryRoot);
    expect(exit).toBe(0);
    expect(readFileSync(svg, 'utf8')).toBe(
      readFileSync(join(repositoryRoot, 'docs', 'capacity.svg'), 'utf8'),
    );
    rmSync(directory, { recursive: true, force: true });
  });

  it('exits 1 naming the cluster when nothing is rendered for it', async () => {
    expect(await main(['capacity', '--cluster', 'mgmt'], repositoryRoot)).toBe(1);
  });
});
