import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { mayExceedObjectSize, objectSizeLimitBytes } from './object-size-check';

const jsonBytes = (text: string) => Buffer.byteLength(JSON.stringify(load(text)));

/** YAML that grows the most as JSON, byte for character: empty values, bare items, quotes, CJK. */
const expanding = {
  'keys without values': (n: number) => Array.from({ length: n }, (_, i) => `${i}:`).join('\n'),
  'items without values': (n: number) => `a:\n${'-\n'.repeat(n)}`,
  'quotes and backslashes': (n: number) => `a: '${'"\\'.repeat(n)}'`,
  'characters outside ASCII': (n: number) => `a: ${'中'.repeat(n)}`,
  'line breaks in a block scalar': (n: number) => `a: |\n${' x\n'.repeat(n)}`,
};

describe('which files need their objects measured against the 1 MiB limit', () => {
  for (const [shape, make] of Object.entries(expanding)) {
    it(`skips only files whose JSON cannot reach the limit: ${shape}`, () => {
      const text = make(2_000);
      expect(jsonBytes(text)).toBeLessThanOrEqual(8 * text.length);
    });
  }

  it('measures large files and any file with an alias', () => {
    expect(mayExceedObjectSize('a: 1\n', false)).toBe(false);
    expect(mayExceedObjectSize(`a: ${'x'.repeat(objectSizeLimitBytes / 8)}`, false)).toBe(true);
    expect(mayExceedObjectSize('a: &x 1\nb: *x\n', true)).toBe(true);
    // A `*` that is no alias (the parser says so) costs no measuring.
    expect(mayExceedObjectSize('check.sh: |\n  case $1 in *) exit 1;; esac\n', false)).toBe(false);
  });
});
