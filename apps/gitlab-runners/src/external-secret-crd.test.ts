import Ajv from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderedObjects, renderedRoot } from './runner/rendered-runner';

/**
 * Cross-check (tests only): the runners' ExternalSecrets against the ExternalSecret CRD of
 * External Secrets Operator v2.9.0 (upstream config/crds/bases, in ../shared/upstream/crds), made
 * strict: objects that declare properties and do not preserve unknown fields reject others.
 */
const crdFile = resolve(
  renderedRoot,
  '../../shared/upstream/crds/external-secrets.io_externalsecrets.yaml',
);

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; items?: Schema };

function closed(schema: Schema): Schema {
  const copy: Schema = { ...schema };
  if (copy.properties) {
    copy.properties = Object.fromEntries(
      Object.entries(copy.properties).map(([key, child]) => [key, closed(child)]),
    );
    if (!copy['x-kubernetes-preserve-unknown-fields'] && copy.additionalProperties === undefined)
      copy.additionalProperties = false;
  }
  if (copy.items) copy.items = closed(copy.items);
  return copy;
}

function v1Validator() {
  const crd = parse(readFileSync(crdFile, 'utf8')) as {
    spec: { versions: { name: string; schema: { openAPIV3Schema: Schema } }[] };
  };
  const v1 = crd.spec.versions.find((version) => version.name === 'v1')!;
  return new Ajv({ strict: false, allErrors: true }).compile(closed(v1.schema.openAPIV3Schema));
}

if (!existsSync(crdFile)) {
  console.warn(`skipping the ExternalSecret CRD cross-check: ${crdFile} not found`);
  it.skip(`ExternalSecret CRD cross-check (needs ${crdFile})`, () => {});
} else {
  describe('the runners’ ExternalSecrets against the External Secrets Operator v2.9.0 CRD', () => {
    const validate = v1Validator();
    const externalSecrets = renderedObjects('ci', 'gitlab-runners').filter(
      (o) => o.kind === 'ExternalSecret',
    );

    it('are valid external-secrets.io/v1 ExternalSecrets, unknown fields included', () => {
      expect(externalSecrets).toHaveLength(2);
      for (const { file, ...object } of externalSecrets) {
        expect(validate(object) ? [] : validate.errors, file).toEqual([]);
      }
    });

    it('would catch a misspelt field', () => {
      const object = externalSecrets[0]!;
      const misspelt = { ...object, spec: { ...(object.spec as object), refreshIntervall: '1h' } };
      delete (misspelt as { file?: string }).file;
      expect(validate(misspelt)).toBe(false);
    });
  });
}
