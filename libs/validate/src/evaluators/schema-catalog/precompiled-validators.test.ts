import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { runCachedModule } from '../caches/cached-module';
import { loadEmbeddedSchemasText } from './embedded-schemas';
import {
  loadPrecompiledValidators,
  PrecompiledModuleSlices,
  precompiledValidatorsIndexUrl,
  precompiledValidatorsUrl,
  type PrecompiledValidatorIndex,
} from './precompiled-validators';

const scratch = mkdtempSync(join(tmpdir(), 'precompiled-validators-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const modulePath = fileURLToPath(precompiledValidatorsUrl);
const index = JSON.parse(
  readFileSync(precompiledValidatorsIndexUrl, 'utf8'),
) as PrecompiledValidatorIndex;
const moduleBytes = readFileSync(modulePath);

/** Values that pass or fail in different ways for a key: none of the three is valid for all. */
function samples(key: string): unknown[] {
  const slash = key.lastIndexOf('/');
  if (slash < 0) return [{}, { notAValuesKey: true }, []];
  const [apiVersion, kind] = [key.slice(0, slash), key.slice(slash + 1)];
  return [
    { apiVersion, kind, metadata: { name: 'example', labels: { team: 'platform' } } },
    { apiVersion: 'wrong/v0', kind, metadata: { name: 7, labels: { team: 1 } }, spec: 'text' },
    { apiVersion, kind, unknownField: {}, items: [{ apiVersion, kind: 7 }] },
  ];
}

function verdicts(validate: ValidateFunction, values: unknown[]) {
  return values.map((value) => ({ valid: validate(value), errors: validate.errors ?? null }));
}

describe('precompiled validators loaded one at a time through their index', () => {
  it('give every value the verdict and errors of the whole module, for every schema key', () => {
    const whole = runCachedModule(moduleBytes, modulePath, {}, join(scratch, 'whole')) as Record<
      string,
      ValidateFunction
    >;
    const slices = new PrecompiledModuleSlices(modulePath, index);
    const keys = Object.keys(index.exports);
    expect(keys.length).toBeGreaterThan(140);
    for (const key of keys) {
      const values = samples(key);
      expect(verdicts(slices.validator(key)!, values), key).toEqual(verdicts(whole[key]!, values));
    }
  });

  it('read only the code of the kinds asked for: a Deployment, a Service and a ConfigMap', () => {
    const slices = new PrecompiledModuleSlices(modulePath, index);
    for (const key of ['apps/v1/Deployment', 'v1/Service', 'v1/ConfigMap'])
      expect(slices.validator(key), key).toBeTypeOf('function');
    expect(slices.bytesRead).toBeGreaterThan(0);
    expect(slices.bytesRead).toBeLessThan(moduleBytes.length / 5);
    expect(slices.validator('apps/v1/Deployment')).toBe(slices.validator('apps/v1/Deployment'));
    expect(slices.validator('example.com/v1/Unknown')).toBeUndefined();
    expect(slices.validator('toString')).toBeUndefined();
  });

  it('are not used with a module of another size than the index was written for', () => {
    expect(new PrecompiledModuleSlices(modulePath, index).matchesModule()).toBe(true);
    const stale = { ...index, moduleBytes: index.moduleBytes + 1 };
    expect(new PrecompiledModuleSlices(modulePath, stale).matchesModule()).toBe(false);
  });

  it('are loaded only for the schema document they were compiled from', () => {
    const validators = loadPrecompiledValidators(loadEmbeddedSchemasText());
    expect(validators).toBeInstanceOf(PrecompiledModuleSlices);
    expect(validators!.validator('v1/ConfigMap')).toBeTypeOf('function');
    expect(loadPrecompiledValidators(`${loadEmbeddedSchemasText()} `)).toBeUndefined();
  });
});
