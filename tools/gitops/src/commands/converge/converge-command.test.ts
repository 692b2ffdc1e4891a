import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../main';
import { repositoryRoot } from '../../workspace/repository-root';

/** Runs the command in-process, capturing stdout and stderr. */
async function run(args: string[], root = repositoryRoot) {
  let stdout = '';
  let stderr = '';
  const out = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { code: await main(['converge', ...args], root), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** A workspace holding the tree before the bootstrap fixes (libs/converge/fixtures). */
const beforeFixes = mkdtempSync(join(tmpdir(), 'converge-before-'));
const fixture = join(repositoryRoot, 'libs/converge/fixtures/before-fixes');
cpSync(join(fixture, 'rendered'), join(beforeFixes, 'rendered'), { recursive: true });
writeFileSync(join(beforeFixes, 'README.md'), readFileSync(join(fixture, 'bootstrap-section.md')));
mkdirSync(join(beforeFixes, 'vendor'));
cpSync(
  join(repositoryRoot, 'vendor/vendor.lock.json'),
  join(beforeFixes, 'vendor/vendor.lock.json'),
);
cpSync(
  join(repositoryRoot, 'vendor/argocd/resource_customizations'),
  join(beforeFixes, 'vendor/argocd/resource_customizations'),
  { recursive: true },
);
afterAll(() => rmSync(beforeFixes, { recursive: true, force: true }));

describe('gitops converge', () => {
  it('--json on the committed tree: exactly the documented shape, every cluster converged, exit 0', async () => {
    const { code, stdout } = await run(['--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['clusters']);
    for (const cluster of report.clusters) {
      expect(Object.keys(cluster)).toEqual(['name', 'converged', 'waves', 'stuck', 'warnings']);
      expect(cluster).toMatchObject({ converged: true, stuck: null });
      expect(cluster.waves).toBeGreaterThan(0);
    }
  });

  it('exits 1 on the tree before the fixes, naming where each cluster is stuck', async () => {
    const { code, stdout } = await run(['--json'], beforeFixes);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    for (const cluster of report.clusters) {
      expect(cluster.converged).toBe(false);
      expect(Object.keys(cluster.stuck)).toEqual([
        'application',
        'wave',
        'resource',
        'file',
        'reason',
        'rule',
      ]);
    }
    const rules = (name: string) => {
      const cluster = report.clusters.find((c: any) => c.name === name);
      return [cluster.stuck.rule, ...cluster.warnings.map((w: any) => w.rule)];
    };
    // The four defects of issue #20, each reported with its rule.
    expect(rules('mgmt')[0]).toBe('app-project-missing');
    for (const rule of ['cluster-credentials', 'crd-missing', 'health-self-wait'])
      expect(rules('ci'), rule).toContain(rule);
    const text = await run(['--cluster', 'mgmt'], beforeFixes);
    expect(text.stdout).toContain(
      '=> mgmt stuck at argocd-root wave -30 on Application/argocd/mgmt-argocd-root-argocd because',
    );
    expect(text.stdout).not.toContain('cluster ci:');
  });

  it('writes the timeline as Markdown and as SVG', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'converge-svg-'));
    try {
      const { code, stdout } = await run(['--markdown', '--svg', join(directory, 'timeline.svg')]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^## Converge/);
      expect(stdout).toContain('| wave | Applications | objects |');
      expect(readFileSync(join(directory, 'timeline.svg'), 'utf8')).toMatch(/^<svg /);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('exits 2 on bad usage', async () => {
    expect((await run(['--cluster', 'nowhere'])).code).toBe(2);
    expect((await run(['--json', '--markdown'])).code).toBe(2);
    expect((await run(['--force'])).code).toBe(2);
    expect((await run(['--help'])).code).toBe(0);
  });
});
