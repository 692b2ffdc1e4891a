import { describe, expect, it } from 'vitest';
import { precompiledValidatorIndex } from './validator-index';

/** The shape of ajv's standalone output, small: two exports sharing a definition's validator. */
const moduleText = [
  '"use strict";',
  'exports["v1/Pod"] = validate1;',
  'const schema1 = {"type":"object"};',
  'const func0 = require("ajv/dist/runtime/equal").default;',
  'function validate2(data){return typeof data == "string";}',
  'function validate1(data){return validate2(data.name) && func0(data, schema1);}',
  'exports["v1/Namespace"] = validate3;',
  'function validate3(data){const name = "é"; return validate2(data.name);}',
  'exports["schemaDocumentDigest"] = "abc";',
].join('');

const declared = (text: string, range: [number, number]) =>
  Buffer.from(text).subarray(range[0], range[1]).toString();

describe('the index of the precompiled validators', () => {
  const index = precompiledValidatorIndex(moduleText, 'digest');

  it('lists each export with the declarations it reaches, in module order', () => {
    const code = (key: string) =>
      index.exports[key]!.declarations.map((at) => declared(moduleText, index.declarations[at]!));
    expect(index.exports['v1/Pod']!.name).toBe('validate1');
    expect(code('v1/Pod')).toEqual([
      'const schema1 = {"type":"object"};',
      'const func0 = require("ajv/dist/runtime/equal").default;',
      'function validate2(data){return typeof data == "string";}',
      'function validate1(data){return validate2(data.name) && func0(data, schema1);}',
    ]);
    expect(code('v1/Namespace')).toEqual([
      'function validate2(data){return typeof data == "string";}',
      'function validate3(data){const name = "é"; return validate2(data.name);}',
    ]);
    expect(Object.keys(index.exports)).toEqual(['v1/Pod', 'v1/Namespace']);
  });

  it('gives byte ranges and the module size in bytes (the module is read as bytes)', () => {
    expect(index.moduleBytes).toBe(Buffer.byteLength(moduleText));
    expect(index.moduleBytes).toBe(moduleText.length + 1);
    expect(index.schemaDocumentDigest).toBe('digest');
  });

  it('fails on a statement ajv is not known to write, rather than index it wrongly', () => {
    expect(() => precompiledValidatorIndex(`${moduleText}validate1.evaluated = {};`, 'd')).toThrow(
      /unexpected statement in the precompiled validators: validate1.evaluated/,
    );
    expect(() => precompiledValidatorIndex('exports["k"] = validate9;', 'd')).toThrow(
      /exports validate9, which it does not declare/,
    );
  });
});
