import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { testCrd } from '../testing/test-crd';
import { validateFiles } from './validate-files';

/**
 * CRD patterns are matched as the API server matches them, with Go's regular expressions (RE2):
 * syntax ECMAScript lacks works, and a pattern RE2 rejects is one finding on its CRD while every
 * other file (and the CRD's resources, without that pattern) is checked as usual.
 */
const gizmoCrd = (patterns: Record<string, string>) =>
  testCrd('Gizmo', {
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        properties: {
          ...Object.fromEntries(
            Object.entries(patterns).map(([field, pattern]) => [
              field,
              { type: 'string', pattern },
            ]),
          ),
          replicas: { type: 'integer' },
        },
      },
    },
  });

const crdPath = 'rendered/x/crds/customresourcedefinition-gizmos.example.com.yaml';
const gizmoPath = 'rendered/x/gizmos/gizmo-shop-g.yaml';

function validated(patterns: Record<string, string>, spec: Record<string, unknown>) {
  const gizmo = { apiVersion: 'example.com/v1', kind: 'Gizmo', metadata: { name: 'g' }, spec };
  const badConfigMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndatta: {}\n';
  return validateFiles([
    { path: crdPath, content: stringify(gizmoCrd(patterns)) },
    { path: gizmoPath, content: stringify(gizmo) },
    { path: 'rendered/x/other/configmap-c.yaml', content: badConfigMap },
  ]).findings.map(
    (f) => `${f.file.split('/').at(-1)}:${f.line}:${f.column} ${f.rule} ${f.field}: ${f.message}`,
  );
}

const otherFinding = 'configmap-c.yaml:5:1 schema datta: unknown field "datta"';

describe('CRD patterns, matched with Go’s RE2', () => {
  const re2Only = {
    caseless: '(?i)^abc$',
    endOfText: '^abc\\z',
    letters: '^\\pL+$',
    posixClass: '^[[:alpha:]]+$',
  };

  it('accepts RE2-only syntax ECMAScript lacks, and values that match it', () => {
    expect(
      validated(re2Only, {
        caseless: 'AbC',
        endOfText: 'abc',
        letters: 'héllo',
        posixClass: 'abc',
      }),
    ).toEqual([otherFinding]);
  });

  it('reports values that do not match, as a pattern finding', () => {
    expect(
      validated(re2Only, {
        caseless: 'abd',
        endOfText: 'abc\n',
        letters: 'h3llo',
        posixClass: 'a1',
      }),
    ).toEqual([
      'gizmo-shop-g.yaml:6:13 schema spec.caseless: must match the pattern "(?i)^abc$" (got "abd")',
      'gizmo-shop-g.yaml:7:14 schema spec.endOfText: must match the pattern "^abc\\\\z" (got "abc\\n")',
      // (The value "abc\n" is written as a block over two lines.)
      'gizmo-shop-g.yaml:9:12 schema spec.letters: must match the pattern "^\\\\pL+$" (got "h3llo")',
      'gizmo-shop-g.yaml:10:15 schema spec.posixClass: must match the pattern "^[[:alpha:]]+$" (got "a1")',
      otherFinding,
    ]);
  });

  it('reads classes as Go does: \\s is ASCII whitespace, not a no-break space', () => {
    const space = { blank: '^\\s$' };
    expect(validated(space, { blank: ' ' })).toEqual([otherFinding]);
    expect(validated(space, { blank: '\u00a0' })).toHaveLength(2);
    // ECMAScript's \s takes the no-break space: the engine is not JavaScript's.
    expect(/^\s$/u.test('\u00a0')).toBe(true);
  });

  it('reports a pattern RE2 rejects once, on the CRD, and checks everything else', () => {
    const rejected = { ahead: '^(?=a)a', again: '^(a)\\1$' };
    const findings = validated(rejected, { ahead: 'b', again: 'ab', replicas: 'two' });
    expect(findings).toEqual([
      expect.stringMatching(
        /^customresourcedefinition-gizmos\.example\.com\.yaml:\d+:\d+ crd-pattern spec\.versions\[0\]\.schema\.openAPIV3Schema\.properties\.spec\.properties\.ahead\.pattern: pattern "\^\(\?=a\)a" must be a valid regular expression, but isn't: error parsing regexp: invalid or unsupported Perl syntax: `\(\?=`/,
      ),
      expect.stringMatching(
        /^customresourcedefinition-gizmos\.example\.com\.yaml:\d+:\d+ crd-pattern spec\.versions\[0\]\.schema\.openAPIV3Schema\.properties\.spec\.properties\.again\.pattern: pattern "\^\(a\)\\\\1\$" must be a valid regular expression, but isn't: error parsing regexp: invalid escape sequence: `\\1`/,
      ),
      // The resource is still checked, without the patterns that do not compile.
      'gizmo-shop-g.yaml:8:13 schema spec.replicas: must be integer, got string',
      otherFinding,
    ]);
  });

  it('words a rejected pattern as the API server’s own test case does', () => {
    // apiextensions-apiserver's validation test "invalid regex pattern": pattern "+".
    const [finding] = validated({ plus: '+' }, {}).filter((f) => f.includes('crd-pattern'));
    expect(finding).toContain(
      'pattern "+" must be a valid regular expression, but isn\'t: error parsing regexp: missing argument to repetition operator: `+`',
    );
  });
});
