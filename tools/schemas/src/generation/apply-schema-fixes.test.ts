import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '@platform/validate';
import {
  booleanField,
  closedObject,
  enumField,
  ref,
  stringField,
  type ModelPackageFixes,
  type SchemaFix,
} from '../fixes/schema-fix';
import { applySchemaFixes } from './apply-schema-fixes';

const upstream = {
  repository: 'example/widgets',
  release: 'v2.0.0',
  file: 'crds/widget.yaml',
  schemaPaths: ['spec'],
};
const installed = { '@example/models': '1.0.0' };
const set = (...fixes: SchemaFix[]): ModelPackageFixes[] => [
  { modelPackage: '@example/models', modelVersion: '1.0.0', fixes },
];
const generated = (): Record<string, JsonSchema> => ({
  WidgetSpec: {
    type: 'object',
    properties: { name: { type: 'string' }, size: { $ref: '#/definitions/Size' } },
    required: ['size'],
    additionalProperties: false,
  },
  Size: { type: 'string' },
  Mode: { type: 'string' },
});

describe('applySchemaFixes', () => {
  it('adds fields in sorted place, merges required lists, keeps the generated key order', () => {
    const definitions = generated();
    applySchemaFixes(
      definitions,
      set({
        kind: 'add-fields',
        definition: 'WidgetSpec',
        fields: {
          mode: ref('Mode'),
          archived: booleanField(),
          auth: closedObject({ user: stringField() }, ['user']),
        },
        required: ['mode'],
        upstream,
      }),
      installed,
    );
    expect(JSON.stringify(definitions.WidgetSpec)).toBe(
      JSON.stringify({
        type: 'object',
        properties: {
          archived: { type: 'boolean' },
          auth: {
            type: 'object',
            properties: { user: { type: 'string' } },
            required: ['user'],
            additionalProperties: false,
          },
          mode: { $ref: '#/definitions/Mode' },
          name: { type: 'string' },
          size: { $ref: '#/definitions/Size' },
        },
        required: ['mode', 'size'],
        additionalProperties: false,
      }),
    );
  });

  it('replaces a definition or a field only while it is still as generated', () => {
    const definitions = generated();
    applySchemaFixes(
      definitions,
      set(
        {
          kind: 'replace',
          definition: 'Size',
          generated: stringField(),
          replacement: enumField('S', 'M'),
          upstream,
        },
        {
          kind: 'replace',
          definition: 'WidgetSpec',
          field: 'name',
          generated: stringField(),
          replacement: enumField('a', 'b'),
          upstream,
        },
      ),
      installed,
    );
    expect(definitions.Size).toEqual({ type: 'string', enum: ['S', 'M'] });
    expect((definitions.WidgetSpec!.properties as Record<string, unknown>).name).toEqual({
      type: 'string',
      enum: ['a', 'b'],
    });

    expect(() =>
      applySchemaFixes(
        generated(),
        set({
          kind: 'replace',
          definition: 'Size',
          generated: enumField('S'),
          replacement: enumField('S', 'M'),
          upstream,
        }),
        installed,
      ),
    ).toThrow(/fix of Size .*the generated definition changed; review the fix/);
  });

  it('fails when the model package already declares an added field (delete the fix)', () => {
    expect(() =>
      applySchemaFixes(
        generated(),
        set({
          kind: 'add-fields',
          definition: 'WidgetSpec',
          fields: { name: stringField() },
          upstream,
        }),
        installed,
      ),
    ).toThrow(/fix of WidgetSpec .*the model already declares name; delete the fix/);
  });

  it('fails when the model package is not at the version the fixes were reviewed against', () => {
    expect(() => applySchemaFixes(generated(), set(), { '@example/models': '1.1.0' })).toThrow(
      /reviewed against 1\.0\.0, but 1\.1\.0 is installed/,
    );
  });

  it('fails on an unknown definition, a non-object target, an undeclared required field or a dangling $ref', () => {
    const add = (definition: string, fields: Record<string, ReturnType<typeof stringField>>) =>
      set({ kind: 'add-fields', definition, fields, upstream });
    expect(() => applySchemaFixes(generated(), add('Gadget', {}), installed)).toThrow(
      /no such generated definition/,
    );
    expect(() =>
      applySchemaFixes(generated(), add('Size', { x: stringField() }), installed),
    ).toThrow(/not a closed object/);
    expect(() =>
      applySchemaFixes(
        generated(),
        set({
          kind: 'add-fields',
          definition: 'WidgetSpec',
          fields: { color: stringField() },
          required: ['colour'],
          upstream,
        }),
        installed,
      ),
    ).toThrow(/required fields that the fix does not add: colour/);
    expect(() =>
      applySchemaFixes(generated(), add('WidgetSpec', { shape: ref('Shape') }), installed),
    ).toThrow(/refer to missing definitions: Shape/);
  });
});
