import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyRules } from '../rules/policy-rules';
import { policyDocsPath, renderPolicyDocs } from './policy-docs';

const repositoryRoot = join(__dirname, '../../../..');

describe('docs/policy.md', () => {
  it('is exactly what the rule metadata generates (regenerate: npx tsx libs/policy/src/docs/write-policy-docs.ts)', () => {
    expect(readFileSync(join(repositoryRoot, policyDocsPath), 'utf8')).toBe(renderPolicyDocs());
  });

  it('has a section for every rule with its severity, why, what, fix and exemption', () => {
    const docs = renderPolicyDocs();
    for (const rule of policyRules) {
      const section = docs.slice(docs.indexOf(`### \`${rule.id}\``)).split('\n### ')[0]!;
      expect(section).toContain(`**Severity:** ${rule.severity}`);
      expect(section).toContain(`**Why.** ${rule.rationale}`);
      expect(section).toContain(rule.checks);
      expect(section).toContain(`**How to fix.** ${rule.fix}`);
      expect(section).toContain('**How to exempt.**');
    }
  });
});

describe('rule metadata', () => {
  it('gives every rule a unique kebab-case id', () => {
    const ids = policyRules.map((rule) => rule.id);
    expect(ids.filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every rule a one-line rationale that ends a sentence', () => {
    expect(
      policyRules
        .filter((rule) => rule.rationale.includes('\n') || !rule.rationale.endsWith('.'))
        .map((rule) => rule.id),
    ).toEqual([]);
  });

  it('lets a rule defer only to a rule that exists and can be exempted', () => {
    for (const rule of policyRules.filter((r) => r.defersTo)) {
      expect(['resource', 'resource-or-namespace']).toContain(
        policyRules.find((r) => r.id === rule.defersTo)?.exemption,
      );
    }
  });
});
