import { expect, it } from 'vitest';
import { loadEmbeddedSchemas } from '../evaluators/schema-catalog/embedded-schemas';
import { auditDifferences, typeMetaRequired, type KnownDifference } from './known-differences';
import { compareSchemas } from './schema-comparison';
import {
  definitionsByGroupVersionKind,
  describeWithUpstream,
  readSwagger,
  type Swagger,
} from './upstream-reference';

/**
 * kubernetes-models 5.1.0 is generated from the Kubernetes 1.36 OpenAPI spec (its PodSpec has
 * hostnameOverride, resources and schedulingGroup, which 1.30 lacks; the first test proves it), so
 * the embedded core schemas are compared with the 1.36 swagger.json at every depth.
 */

describeWithUpstream('embedded core schemas agree with the Kubernetes OpenAPI spec', () => {
  const embedded = loadEmbeddedSchemas();
  const swagger = readSwagger('1.36');
  const byGroupVersionKind = definitionsByGroupVersionKind(swagger);
  const coreKeys = Object.keys(embedded.resources).filter((key) => byGroupVersionKind.has(key));
  const ours = (name: string) => ({
    schema: { $ref: `#/definitions/${name}` },
    resolve: (ref: string) => embedded.definitions[ref.slice('#/definitions/'.length)]!,
  });
  const theirs = (spec: Swagger, name: string) => ({
    schema: { $ref: `#/definitions/${name}` },
    resolve: (ref: string) => spec.definitions[ref.slice('#/definitions/'.length)]!,
  });

  it('compares with 1.36: the version kubernetes-models 5.1.0 was generated from (PodSpec fields match 1.36, not 1.30)', () => {
    const podSpec = 'IoK8sApiCoreV1PodSpec';
    expect(
      auditDifferences(
        compareSchemas(ours(podSpec), theirs(swagger, 'io.k8s.api.core.v1.PodSpec')),
        coreKnownDifferences,
      ).unexplained,
    ).toEqual([]);
    const older = compareSchemas(
      ours(podSpec),
      theirs(readSwagger('1.30'), 'io.k8s.api.core.v1.PodSpec'),
    );
    expect(older).toEqual(
      expect.arrayContaining([
        '(root): field "hostnameOverride" only in ours',
        '(root): field "schedulingGroup" only in ours',
      ]),
    );
  });

  it('covers every embedded kind but the eight custom resources: all are Kubernetes 1.36 kinds', () => {
    expect(coreKeys.length).toBe(Object.keys(embedded.resources).length - 8);
    expect(coreKeys.length).toBeGreaterThan(120);
  });

  for (const key of coreKeys) {
    it(`${key}: same fields, required fields, openness and scalar types at every depth`, () => {
      const differences = compareSchemas(
        ours(embedded.resources[key]!),
        theirs(swagger, byGroupVersionKind.get(key)!),
      );
      const audit = auditDifferences(differences, coreKnownDifferences);
      expect(audit.unexplained).toEqual([]);
      // The TypeMeta difference must show up for every kind: proof that roots were compared at all.
      expect(differences).toEqual(
        expect.arrayContaining(['(root): "apiVersion" required only in ours']),
      );
    });
  }

  it('lists no known difference that no longer occurs', () => {
    const all = coreKeys.flatMap((key) =>
      compareSchemas(ours(embedded.resources[key]!), theirs(swagger, byGroupVersionKind.get(key)!)),
    );
    expect(auditDifferences(all, coreKnownDifferences).unused.map((k) => k.reason)).toEqual([]);
  });
});

/** Every expected difference between the embedded core schemas and the OpenAPI spec. */
const coreKnownDifferences: KnownDifference[] = [
  typeMetaRequired,
  {
    pattern: /^items\[\]: "(apiVersion|kind)" required only in ours$/,
    reason:
      'a typed List is expanded and each item validated with its own schema; an item without apiVersion ' +
      "and kind takes the list's (as the API server's own lists leave them out), so they are present by then",
  },
  {
    pattern:
      /: ours is number\|string, upstream is string \(io\.k8s\.apimachinery\.pkg\.api\.resource\.Quantity\)$/,
    reason:
      'the models type Quantity as number|string; the API server decodes a bare JSON number as a quantity ' +
      '(`memory: 256000`), while the OpenAPI spec only says string',
  },
];
