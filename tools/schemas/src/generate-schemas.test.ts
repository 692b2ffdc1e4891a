import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedSchemaDocument } from '@platform/validate';
import { buildEmbeddedSchemas } from './generation/build-embedded-schemas';
import { definitionsWithOpenObjects } from './generation/closed-objects';
import { serializeSchemaDocument } from './generation/serialize-schema-document';
import { embeddedSchemasPath, repositoryRoot } from './generate-schemas';

describe('generated schemas', () => {
  let fresh: EmbeddedSchemaDocument;
  beforeAll(async () => {
    fresh = await buildEmbeddedSchemas(repositoryRoot);
  });

  it('the committed file equals a fresh generation (run `npx tsx tools/schemas/src/generate-schemas.ts` and commit)', () => {
    const committed = readFileSync(join(repositoryRoot, embeddedSchemasPath), 'utf8');
    expect(committed === serializeSchemaDocument(fresh)).toBe(true);
  });

  it('covers every kind the platform renders or plans to', () => {
    expect(Object.keys(fresh.resources)).toEqual([
      'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy',
      'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding',
      'admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration',
      'apiextensions.k8s.io/v1/CustomResourceDefinition',
      'apps/v1/DaemonSet',
      'apps/v1/Deployment',
      'apps/v1/StatefulSet',
      'argoproj.io/v1alpha1/AppProject',
      'argoproj.io/v1alpha1/Application',
      'argoproj.io/v1alpha1/ApplicationSet',
      'autoscaling/v2/HorizontalPodAutoscaler',
      'batch/v1/CronJob',
      'batch/v1/Job',
      'external-secrets.io/v1/ClusterSecretStore',
      'external-secrets.io/v1/ExternalSecret',
      'karpenter.k8s.aws/v1/EC2NodeClass',
      'karpenter.sh/v1/NodeClaim',
      'karpenter.sh/v1/NodePool',
      'networking.k8s.io/v1/NetworkPolicy',
      'policy/v1/PodDisruptionBudget',
      'rbac.authorization.k8s.io/v1/ClusterRole',
      'rbac.authorization.k8s.io/v1/ClusterRoleBinding',
      'rbac.authorization.k8s.io/v1/Role',
      'rbac.authorization.k8s.io/v1/RoleBinding',
      'scheduling.k8s.io/v1/PriorityClass',
      'v1/ConfigMap',
      'v1/LimitRange',
      'v1/Namespace',
      'v1/Pod',
      'v1/ResourceQuota',
      'v1/Secret',
      'v1/Service',
      'v1/ServiceAccount',
    ]);
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
