import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../checks/schema-model/schema-set';
import { compareSchemas } from './schema-comparison';

const inline = (schema: JsonSchema) => ({
  schema,
  resolve: (ref: string) => {
    throw new Error(ref);
  },
});
const closed = (properties: Record<string, JsonSchema>, required: string[] = []) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

describe('compareSchemas', () => {
  it('finds nothing when both sides agree, following $refs on either side', () => {
    const definitions: Record<string, JsonSchema> = {
      Spec: closed({ replicas: { type: 'integer' } }),
    };
    const ours = {
      schema: closed({ spec: { $ref: '#/definitions/Spec' } }),
      resolve: (ref: string) => definitions[ref.split('/').pop()!]!,
    };
    expect(
      compareSchemas(
        ours,
        inline({
          type: 'object',
          properties: { spec: { type: 'object', properties: { replicas: { type: 'integer' } } } },
        }),
      ),
    ).toEqual([]);
  });

  it('reports missing and extra fields, required fields, openness and scalar types at any depth', () => {
    const ours = inline(
      closed({
        spec: closed(
          {
            a: { type: 'string' },
            b: { type: 'integer' },
            c: {},
            d: closed({ x: { type: 'string' } }),
          },
          ['a'],
        ),
      }),
    );
    const theirs = inline({
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          required: ['b'],
          properties: {
            b: { type: 'number' },
            c: { type: 'object', properties: { y: { type: 'string' } } },
            d: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
            e: { type: 'string' },
          },
        },
      },
    });
    expect(compareSchemas(ours, theirs)).toEqual([
      'spec: field "a" only in ours',
      'spec: field "e" only upstream',
      'spec: "a" required only in ours',
      'spec: "b" required only upstream',
      'spec.b: ours is integer, upstream is number',
      'spec.c: ours is free-form, upstream is object',
      'spec.d: ours is object, upstream is free-form',
    ]);
  });

  it('compares enums (a const counts as a one-value enum) only when asked, as sets', () => {
    const ours = inline(
      closed({
        a: { type: 'string', enum: ['x', 'y'] },
        b: { type: 'string', enum: ['y', 'x'] },
        c: { type: 'string' },
        d: { type: 'string', const: 'v1' },
      }),
    );
    const theirs = inline({
      type: 'object',
      properties: {
        a: { type: 'string', enum: ['x', 'y', 'z'] },
        b: { type: 'string', enum: ['x', 'y'] },
        c: { type: 'string', enum: ['x'] },
        d: { type: 'string' },
      },
    });
    expect(compareSchemas(ours, theirs)).toEqual([]);
    expect(compareSchemas(ours, theirs, { enums: true })).toEqual([
      'a: enum ours ["x", "y"], upstream ["x", "y", "z"]',
      'c: enum ours none, upstream ["x"]',
      'd: enum ours ["v1"], upstream none',
    ]);
  });
});
