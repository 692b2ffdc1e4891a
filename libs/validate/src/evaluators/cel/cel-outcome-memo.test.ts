import { describe, expect, it } from 'vitest';
import { CelOutcomeMemo, memoKey } from './cel-outcome-memo';

describe('the keys under which CEL outcomes are remembered', () => {
  it('differ for every pair of values CEL tells apart', () => {
    const values = [
      'a',
      ['a'],
      '1',
      1,
      1.5,
      true,
      't',
      null,
      'z',
      '',
      [],
      {},
      { a: 1 },
      { a: '1' },
      { a: [1] },
      [{ a: 1 }],
      ['ab', 'c'],
      ['a', 'bc'],
      's1:a',
      { 'a:': 'b' },
      { a: ':b' },
    ];
    const keys = values.map((value) => memoKey(value));
    expect(keys.every((key) => key !== undefined)).toBe(true);
    expect(new Set(keys).size).toBe(values.length);
    expect(memoKey({ a: [1, 'x'] })).toBe(memoKey({ a: [1, 'x'] }));
  });

  it('are missing for numbers CEL may treat apart from their text, and for large values', () => {
    for (const value of [Number.NaN, Infinity, -Infinity, -0, [1, -0], { a: Number.NaN }])
      expect(memoKey(value)).toBeUndefined();
    expect(memoKey('x'.repeat(300))).toBeUndefined();
    expect(memoKey(Array.from({ length: 100 }, (_, i) => `item-${i}`))).toBeUndefined();
  });
});

describe('remembering outcomes per rule', () => {
  it('computes once per rule and value, and keeps at most the bound per rule', () => {
    const memo = new CelOutcomeMemo<object>(2);
    const [ruleA, ruleB] = [{}, {}];
    let computed = 0;
    const outcome = (rule: object, value: unknown) =>
      memo.outcome(rule, value, () => {
        computed += 1;
        return `${String(value)} fails`;
      });
    expect(outcome(ruleA, 'x')).toBe('x fails');
    expect(outcome(ruleA, 'x')).toBe('x fails');
    expect(outcome(ruleB, 'x')).toBe('x fails');
    expect(computed).toBe(2);
    outcome(ruleA, 'y');
    // The bound is reached: a third value is computed every time it is seen.
    outcome(ruleA, 'w');
    outcome(ruleA, 'w');
    expect(computed).toBe(5);
    // Values without a key are never remembered.
    outcome(ruleB, Number.NaN);
    outcome(ruleB, Number.NaN);
    expect(computed).toBe(7);
  });
});
