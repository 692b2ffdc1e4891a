import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PolicyFile } from '../document/policy-document';
import { checkPolicy } from './check-policy';

const repositoryRoot = join(__dirname, '../../../..');

function readRendered(): PolicyFile[] {
  const files: PolicyFile[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry.name)) {
        files.push({
          path: relative(repositoryRoot, path).split(sep).join('/'),
          content: readFileSync(path, 'utf8'),
        });
      }
    }
  };
  walk(join(repositoryRoot, 'rendered'));
  return files;
}

describe('the committed rendered/ tree', () => {
  const files = readRendered();
  const report = checkPolicy(files);

  it('passes policy with zero errors', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('lists the exemption of every namespace below restricted, with its reason', () => {
    const belowRestricted = files.filter((f) =>
      /pod-security\.kubernetes\.io\/enforce: (baseline|privileged)/.test(f.content),
    );
    expect(belowRestricted.length).toBeGreaterThan(0);
    for (const namespace of belowRestricted) {
      const exemptions = report.exemptions.filter((e) => e.file === namespace.path);
      expect(exemptions.map((e) => e.rule)).toContain('pss-restricted');
      for (const exemption of exemptions) expect(exemption.reason).not.toBe('');
    }
  });
});
