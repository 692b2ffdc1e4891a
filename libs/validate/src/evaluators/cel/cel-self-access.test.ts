import { parse } from '@bufbuild/cel';
import { describe, expect, it } from 'vitest';
import { readParts, selfAccess, wholeSelf } from './cel-self-access';

const accessOf = (rule: string) => selfAccess(parse(rule).expr);
const members = (list: string[], keys = false) => ({ whole: false, members: list, keys });

describe('what of self a CEL rule reads', () => {
  it('is the members it selects or tests with has()', () => {
    expect(accessOf('!has(self.replicas) || !has(self.weight)')).toEqual(
      members(['replicas', 'weight']),
    );
    expect(accessOf("has(self.a.b) && self.c.size() > 0 && self.a.d == 'x'")).toEqual(
      members(['a', 'c']),
    );
    expect(accessOf('true')).toEqual(members([]));
  });

  it('is the keys of a map iterated with one variable', () => {
    expect(accessOf("self.all(x, x != 'karpenter.sh/nodepool')")).toEqual(members([], true));
    expect(accessOf('self.exists(x, x == self.name)')).toEqual(members(['name'], true));
  });

  it('is the whole value when self is used any other way', () => {
    for (const rule of [
      "self != ''",
      'self.size() != 0',
      'size(self) >= 2',
      "self.all(k, k != '' && self[k] != '')",
      'self.all(k, v, v != 1)',
      "self.matches('^a')",
      'self == {"a": 1}',
      '[self][0].a == 1',
      'self.exists(x, x.a == 1) ? self.b : self',
    ])
      expect(accessOf(rule), rule).toBe(wholeSelf);
  });

  it('ignores a comprehension variable that shadows self', () => {
    expect(accessOf('self.list.all(self, self.a == 1)')).toEqual(members(['list']));
  });
});

describe('the parts of a value a rule reads', () => {
  it('are the keys and each member, an absent member told from a null one', () => {
    const access = members(['a', 'b', 'c'], true);
    expect(readParts({ a: 1, b: null, z: 2 }, access)).toEqual([['a', 'b', 'z'], [1], [null], []]);
  });

  it('are none for a list, a scalar or a rule that reads the whole value', () => {
    expect(readParts([1], members(['a']))).toBeUndefined();
    expect(readParts('text', members(['a']))).toBeUndefined();
    expect(readParts({ a: 1 }, wholeSelf)).toBeUndefined();
  });

  it('never reads an inherited member as present', () => {
    expect(readParts({}, members(['constructor']))).toEqual([[]]);
  });
});
