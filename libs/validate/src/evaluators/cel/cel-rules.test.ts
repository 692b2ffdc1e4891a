import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../checks/schema-model/schema-set';
import { evaluateCelRules } from './cel-rules';

const rule = (text: string, message = text) => ({ rule: text, message });

/** A schema of this test's own: rules at the root, on an object member, on map values, on items. */
const schema: JsonSchema = {
  type: 'object',
  'x-kubernetes-validations': [
    rule('!has(self.replicas) || !has(self.weight)', 'replicas and weight exclude each other'),
    rule('self.limits == self.requests', 'limits equal requests'),
    rule('has(self.nothing) == false', 'a null member is absent'),
    rule('size(self) >= 2', 'at least two members'),
    rule('!has(self.ratio) || type(self.ratio) == double', 'a number field is a double'),
    rule('!has(self.replicas) || type(self.replicas) == int', 'an integer field is an int'),
  ],
  properties: {
    replicas: { type: 'integer', 'x-kubernetes-validations': [rule('self < 10', 'at most 9')] },
    weight: { type: 'number' },
    ratio: {
      type: 'number',
      'x-kubernetes-validations': [rule('self == 1.0', 'ratio is a double')],
    },
    limits: { type: 'object', additionalProperties: { type: 'string' } },
    requests: { type: 'object', additionalProperties: { type: 'string' } },
    nothing: { type: 'string' },
    labels: {
      type: 'object',
      'x-kubernetes-validations': [
        rule("self.all(k, k != '' && self[k] != '')", 'no empty keys or values'),
      ],
      additionalProperties: {
        type: 'string',
        'x-kubernetes-validations': [rule("self != 'forbidden'", 'label value is forbidden')],
      },
    },
    keys: {
      type: 'array',
      items: { type: 'string', 'x-kubernetes-validations': [rule("self != 'bad'", 'bad key')] },
    },
  },
};

const messagesAt = (value: unknown) =>
  evaluateCelRules(schema, value).map((v) => `${v.path.join('.')}: ${v.message}`);

describe('CEL rules evaluated over a value through its schema', () => {
  it('passes a value that keeps every rule: ints, doubles, map equality, has() on null', () => {
    expect(
      messagesAt({
        replicas: 3,
        ratio: 1,
        limits: { cpu: '1' },
        requests: { cpu: '1' },
        nothing: null,
        labels: { a: 'b' },
        keys: ['good'],
      }),
    ).toEqual([]);
  });

  it('reports each broken rule at its node, every time a repeated value breaks it', () => {
    expect(
      messagesAt({
        replicas: 12,
        weight: 1,
        limits: { cpu: '2' },
        requests: { cpu: '1' },
        labels: { a: 'forbidden', b: 'forbidden', c: '' },
        keys: ['bad', 'good', 'bad'],
      }),
    ).toEqual([
      ': replicas and weight exclude each other',
      ': limits equal requests',
      'replicas: at most 9',
      'labels: no empty keys or values',
      'labels.a: label value is forbidden',
      'labels.b: label value is forbidden',
      'keys.0: bad key',
      'keys.2: bad key',
    ]);
  });

  it('gives the same outcome for a scalar seen before, in another resource', () => {
    const first = messagesAt({ limits: {}, requests: {}, keys: ['bad'] });
    const again = messagesAt({ limits: {}, requests: {}, keys: ['good', 'bad'] });
    expect(first).toEqual(['keys.0: bad key']);
    expect(again).toEqual(['keys.1: bad key']);
  });

  it('tells a one-member object from a bigger one through size()', () => {
    expect(messagesAt({ limits: {} })).toContain(': at least two members');
  });

  it('tells apart values that differ only in a member a root rule reads, after sharing others', () => {
    const base = { limits: {}, requests: {}, labels: { team: 'a' } };
    expect(messagesAt({ ...base, replicas: 1 })).toEqual([]);
    expect(messagesAt({ ...base, replicas: 1, labels: { team: 'b' } })).toEqual([]);
    expect(messagesAt({ ...base, replicas: 1, weight: 2 })).toEqual([
      ': replicas and weight exclude each other',
    ]);
  });
});
