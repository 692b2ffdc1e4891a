import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RE2JS } from '@bufbuild/re2';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ecmaScriptEquivalent } from './re2-in-ecmascript';

const rendered = fileURLToPath(new URL('../../../../../rendered', import.meta.url));

function yamlFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return entry.name.endsWith('.yaml') ? [path] : [];
  });
}

/** Every `pattern` and every short string in the committed rendered/ tree. */
function committed(): { patterns: Set<string>; strings: Set<string> } {
  const patterns = new Set<string>();
  const strings = new Set<string>();
  const visit = (node: unknown, key?: string) => {
    if (typeof node === 'string') {
      if (key === 'pattern') patterns.add(node);
      else if (node.length <= 80) strings.add(node);
    } else if (Array.isArray(node)) node.forEach((item) => visit(item));
    else if (node && typeof node === 'object')
      for (const [name, value] of Object.entries(node)) {
        strings.add(name);
        visit(value, name);
      }
  };
  for (const file of yamlFiles(rendered))
    loadAll(readFileSync(file, 'utf8')).forEach((d) => visit(d));
  return { patterns, strings };
}

/** Strings where the engines could differ: line ends, other line separators, letters beyond ASCII. */
const edges = [
  '',
  '\n',
  'a\n',
  '\na',
  '\r',
  'a\rb',
  '\u2028',
  '\u2029',
  'é',
  'α',
  '😀',
  ' ',
  'a b',
  '.',
  '/',
  '-',
  '_',
  'A',
  'z',
  '0',
  '9',
];

describe('CRD patterns matched by V8 where RE2 and ECMAScript read them alike', () => {
  const { patterns, strings } = committed();
  const samples = [...edges, ...[...strings].slice(0, 1500)];

  it('give RE2’s verdict for every pattern of the committed CRDs and every string of rendered/', () => {
    expect(patterns.size).toBeGreaterThan(10);
    let fast = 0;
    for (const pattern of patterns) {
      const re2 = RE2JS.compile(pattern);
      const ecmaScript = ecmaScriptEquivalent(pattern);
      if (!ecmaScript) continue;
      fast += 1;
      for (const text of samples)
        expect(ecmaScript.test(text), `${pattern} on ${JSON.stringify(text)}`).toBe(re2.test(text));
    }
    // Most CRD patterns are in the shared syntax: the fast path is taken.
    expect(fast).toBeGreaterThan(patterns.size / 2);
  });

  it('reads `.` as Go does: anything but a line feed, a carriage return included', () => {
    for (const pattern of ['^.$', '^.{2,}|[^./]$', '^.*@.*\\.iam\\.gserviceaccount\\.com$'])
      for (const text of edges)
        expect(
          ecmaScriptEquivalent(pattern)!.test(text),
          `${pattern} ${JSON.stringify(text)}`,
        ).toBe(RE2JS.compile(pattern).test(text));
    expect(ecmaScriptEquivalent('^.$')!.test('\r')).toBe(true);
  });

  it('leaves to RE2 what the engines read apart or only one has', () => {
    for (const pattern of [
      '(?i)^abc$',
      '^abc\\z',
      '^\\pL+$',
      '^[[:alpha:]]+$',
      '^\\s$',
      '\\bword\\b',
      '[]a]',
      '[^]',
      'a{,3}',
      '^é$',
      '\\Q.*\\E',
      '^(a)\\1$',
      '(?P<name>a)',
    ])
      expect(ecmaScriptEquivalent(pattern), pattern).toBeUndefined();
  });
});
