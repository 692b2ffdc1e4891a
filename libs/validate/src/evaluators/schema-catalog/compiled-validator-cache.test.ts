import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crdVersionSchemas } from '../../checks/custom-resources/crd-versions';
import { crdSchemaSet } from './crd-schema-set';
import { embeddedSchemaCatalog } from './schema-catalog';
import { testCrd } from '../../testing/test-crd';
import { DigestDirectory } from '../caches/digest-directory';
import { CompiledValidatorCache } from './compiled-validator-cache';

const scratch = mkdtempSync(join(tmpdir(), 'compiled-validators-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A CRD whose schema uses the custom format keyword, so the written code must call the check. */
const versions = crdVersionSchemas(
  testCrd('Clock', {
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        properties: {
          since: { type: 'string', format: 'date-time' },
          ticks: { type: 'integer', minimum: 0 },
        },
      },
    },
  }),
  'clock-crd.yaml',
);
const invalidClock = {
  apiVersion: 'example.com/v1',
  kind: 'Clock',
  metadata: { name: 'c', labelz: {} },
  spec: { since: 'yesterday', ticks: -1, extra: true },
};

function errorsOf(directory: string, value: unknown) {
  const cache = new CompiledValidatorCache(new DigestDirectory(directory, '.cjs'));
  const catalog = embeddedSchemaCatalog().withFirst(crdSchemaSet(versions), cache);
  const validate = catalog.resource('example.com/v1', 'Clock')!;
  expect(validate(value)).toBe(false);
  return validate.errors;
}

describe('the cache of validators compiled from CRD schemas', () => {
  it('writes a compiled validator once, and the loaded one finds exactly what the compiled one did', () => {
    const directory = join(scratch, 'round-trip');
    const compiled = errorsOf(directory, invalidClock);
    expect(readdirSync(directory)).toHaveLength(1);
    const loaded = errorsOf(directory, invalidClock);
    expect(readdirSync(directory)).toHaveLength(1);
    expect(loaded).toEqual(compiled);
    expect(loaded!.map((e) => e.message)).toEqual(
      expect.arrayContaining(['must be a valid date-time (got "yesterday")', 'must be >= 0']),
    );
  });

  it('runs what the cache holds rather than compiling again', () => {
    const directory = join(scratch, 'planted');
    errorsOf(directory, invalidClock);
    const [entry] = readdirSync(directory);
    writeFileSync(
      join(directory, entry!),
      'module.exports = function planted() { planted.errors = [{ message: "from the cache" }]; return false; };',
    );
    expect(errorsOf(directory, invalidClock)).toEqual([{ message: 'from the cache' }]);
  });

  it('compiles as before when the cache cannot be written', () => {
    const file = join(scratch, 'not-a-directory');
    writeFileSync(file, '');
    expect(errorsOf(join(file, 'cache'), invalidClock)!.length).toBeGreaterThan(2);
  });
});
