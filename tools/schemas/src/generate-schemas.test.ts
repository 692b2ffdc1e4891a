import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedSchemaDocument } from '@platform/validate';
import { buildEmbeddedSchemas } from './generation/build-embedded-schemas';
import { definitionsWithOpenObjects } from './generation/closed-objects';
import { serializeSchemaDocument } from './generation/serialize-schema-document';
import {
  embeddedSchemasPath,
  embeddedValidatorsPath,
  generateValidatorsText,
  repositoryRoot,
} from './generate-schemas';
import { builtInResourceModels, customResourceModels } from './sources/resource-models';

describe('generated schemas', () => {
  let fresh: EmbeddedSchemaDocument;
  beforeAll(async () => {
    fresh = await buildEmbeddedSchemas(repositoryRoot);
  });

  it('the committed file equals a fresh generation (run `npx tsx tools/schemas/src/generate-schemas.ts` and commit)', () => {
    const committed = readFileSync(join(repositoryRoot, embeddedSchemasPath), 'utf8');
    expect(committed === serializeSchemaDocument(fresh)).toBe(true);
  });

  it('the committed precompiled validators equal a fresh compilation of the committed schemas (run `npm run schemas`)', () => {
    const schemasText = readFileSync(join(repositoryRoot, embeddedSchemasPath), 'utf8');
    const committed = readFileSync(join(repositoryRoot, embeddedValidatorsPath), 'utf8');
    expect(committed === generateValidatorsText(schemasText)).toBe(true);
  });

  it('covers every built-in kind of a served API version, its List, and the custom resources', () => {
    const keys = Object.keys(fresh.resources);
    expect(keys).toHaveLength(
      builtInResourceModels(repositoryRoot).length + customResourceModels.length,
    );
    for (const key of [
      'v1/PersistentVolumeClaim',
      'v1/PersistentVolumeClaimList',
      'storage.k8s.io/v1/StorageClass',
      'networking.k8s.io/v1/Ingress',
      'networking.k8s.io/v1/IngressClass',
      'apps/v1/ReplicaSet',
      'v1/ReplicationController',
      'v1/Endpoints',
      'apiregistration.k8s.io/v1/APIService',
      'admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration',
      'admissionregistration.k8s.io/v1/MutatingWebhookConfiguration',
      'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy',
      'autoscaling/v1/HorizontalPodAutoscaler',
      'rbac.authorization.k8s.io/v1/RoleList',
      'argoproj.io/v1alpha1/Application',
      'karpenter.sh/v1/NodePool',
    ])
      expect(keys).toContain(key);
    // API versions Kubernetes removed get the removal message, never a schema.
    for (const key of ['extensions/v1beta1/Ingress', 'policy/v1beta1/PodDisruptionBudget'])
      expect(keys).not.toContain(key);
    expect(fresh.helmValues).toEqual({
      'external-secrets@2.9.0': 'ExternalSecretsValues',
      'gitlab-runner@0.86.0': 'GitlabRunnerValues',
      'karpenter@1.14.1': 'KarpenterValues',
      'datadog@3.240.0': 'DatadogValues',
      'fluent-bit@0.58.1': 'FluentBitValues',
    });
  });

  it('closes every object with declared properties', () => {
    expect(definitionsWithOpenObjects(fresh.definitions)).toEqual([]);
    const deploymentSpec = fresh.definitions.IoK8sApiAppsV1DeploymentSpec!;
    expect(deploymentSpec.additionalProperties).toBe(false);
  });

  it('keeps free-form types open (empty model interfaces, as x-kubernetes-preserve-unknown-fields)', () => {
    for (const name of [
      'IoK8sApimachineryPkgApisMetaV1FieldsV1',
      'IoK8sApimachineryPkgRuntimeRawExtension',
      'IoK8sApiextensionsApiserverPkgApisApiextensionsV1JSON',
    ]) {
      expect(fresh.definitions[name], name).toEqual({});
    }
    expect(fresh.definitions.IoK8sApimachineryPkgApisMetaV1ObjectMeta!.properties).toMatchObject({
      labels: { type: 'object', additionalProperties: { type: 'string' } },
    });
  });

  it('types IntOrString as string|integer, Quantity as string|number, and integer fields as integer', () => {
    expect(fresh.definitions.IoK8sApimachineryPkgUtilIntstrIntOrString).toEqual({
      type: ['string', 'integer'],
    });
    expect(fresh.definitions.IoK8sApimachineryPkgApiResourceQuantity).toEqual({
      type: ['number', 'string'],
    });
    const properties = (name: string) =>
      fresh.definitions[name]!.properties as Record<string, { type?: unknown }>;
    expect(properties('IoK8sApiAppsV1DeploymentSpec').replicas!.type).toBe('integer');
    expect(properties('IoK8sApiCoreV1ContainerPort').containerPort!.type).toBe('integer');
    // A genuinely fractional field stays a number.
    expect(
      properties('IoK8sApiextensionsApiserverPkgApisApiextensionsV1JSONSchemaProps').maximum!.type,
    ).toBe('number');
  });

  it('shares definitions between kinds and keeps same-named types of different packages apart', () => {
    const objectMetaRefs =
      JSON.stringify(fresh.definitions).split(
        '"#/definitions/IoK8sApimachineryPkgApisMetaV1ObjectMeta"',
      ).length - 1;
    expect(objectMetaRefs).toBeGreaterThan(20);
    // apimachinery's ObjectMeta and Karpenter's NodeClaimTemplate ObjectMeta are both `IObjectMeta` in their packages.
    expect(Object.keys(fresh.definitions)).toEqual(
      expect.arrayContaining([
        'IoK8sApimachineryPkgApisMetaV1ObjectMeta',
        'IoK8sSigsKarpenterPkgApisV1ObjectMeta',
      ]),
    );
    expect(serializeSchemaDocument(fresh).length).toBeLessThan(400_000);
  });

  it('fails loudly when a listed model type does not exist', async () => {
    await expect(
      buildEmbeddedSchemas(repositoryRoot, {
        resources: [{ module: 'kubernetes-models/v1/Namespace', type: 'INamespac' }],
        helmValues: [],
        fixes: [],
      }),
    ).rejects.toThrow(/schema roots do not type-check/);
  });
});
