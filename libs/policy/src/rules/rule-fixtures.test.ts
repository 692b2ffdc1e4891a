import { describe, expect, it } from 'vitest';
import { checkPolicy } from '../engine/check-policy';
import { fixtureClusterVersions } from '../fixtures/rule-fixture';
import { policyRules } from './policy-rules';
import { ruleFixtures as fixtures } from './rule-fixtures';

const options = { clusterVersions: fixtureClusterVersions };

describe('every rule on bad and good input', () => {
  it.each(fixtures.filter((f) => f.expected.length > 0).map((f) => [f.behaviour, f] as const))(
    '%s',
    (_, fixture) => {
      const { findings } = checkPolicy(fixture.files, policyRules, options);
      const rule = policyRules.find((r) => r.id === fixture.rule)!;
      const actual = findings
        .filter((finding) => finding.rule === fixture.rule)
        .map(({ file, line, field, message, severity }) => ({
          file,
          line,
          field,
          message,
          severity,
        }));
      const expected = fixture.expected.map((e) => ({
        file: e.file ?? fixture.files[0]!.path,
        line: e.line,
        field: e.field,
        message: e.message,
        severity: rule.severity,
      }));
      expect(actual).toEqual(expected);
    },
  );

  it.each(fixtures.filter((f) => f.expected.length === 0).map((f) => [f.behaviour, f] as const))(
    '%s',
    (_, fixture) => {
      expect(checkPolicy(fixture.files, policyRules, options).findings).toEqual([]);
    },
  );

  it('has a failing and a passing fixture for every rule', () => {
    const uncovered = policyRules.flatMap((rule) => {
      const ofRule = fixtures.filter((f) => f.rule === rule.id);
      return [
        ...(ofRule.some((f) => f.expected.length > 0) ? [] : [`${rule.id}: no failing fixture`]),
        ...(ofRule.some((f) => f.expected.length === 0) ? [] : [`${rule.id}: no passing fixture`]),
      ];
    });
    expect(uncovered).toEqual([]);
    expect(
      fixtures.filter((f) => !policyRules.some((r) => r.id === f.rule)).map((f) => f.rule),
    ).toEqual([]);
  });
});
