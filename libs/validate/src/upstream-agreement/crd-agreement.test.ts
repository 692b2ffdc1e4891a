import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import type { JsonSchema } from '../checks/schema-model/schema-set';
import { loadEmbeddedSchemas } from '../evaluators/schema-catalog/embedded-schemas';
import {
  auditDifferences,
  typeMetaPinned,
  typeMetaRequired,
  type KnownDifference,
} from './known-differences';
import { compareSchemas } from './schema-comparison';
import { describeWithUpstream, upstreamDirectory } from './upstream-reference';

/**
 * The embedded custom resource schemas (from @kubernetes-models/argo-cd 4.0.0 and
 * @kubernetes-models/karpenter 2.0.0) against the CRDs of the versions this platform runs:
 * Argo CD v3.5.1 and Karpenter v1.14.1. `metadata` is not compared below its presence: CRD schemas
 * leave ObjectMeta to the API server, ours is the full ObjectMeta (checked against Kubernetes).
 */
interface CustomResource {
  key: string;
  crdFile: string;
  known: KnownDifference[];
}

// Where the model packages lag these releases (fields the CRDs have, enum values they allow), the
// generator applies reviewed fixes (tools/schemas/src/fixes/), so those parts must agree like the
// rest. What stays listed is deliberate, or an enum or required list of a type shared with the core
// schemas, used only in status, which the controllers write and the platform never renders.
const crdQuantity: KnownDifference = {
  pattern: /: ours is number\|string, upstream is integer\|string$/,
  reason:
    'Quantity is number|string in the models; a CRD declares it int-or-string, so a fractional JSON number ' +
    '(`cpu: 0.5`) passes here but is rejected by the API server; write quantities as strings',
};

const conditionStatusEnum: KnownDifference = {
  pattern:
    /^status\.conditions\[\]\.status: enum ours none, upstream \["False", "True", "Unknown"\]$/,
  reason:
    'the operatorpkg Condition model is metav1.Condition, shared with the core schemas, whose status has no enum; ' +
    'status is written by the controller, never rendered',
};
const deliberate = [typeMetaRequired, typeMetaPinned];

const customResources: CustomResource[] = [
  {
    key: 'argoproj.io/v1alpha1/Application',
    crdFile: 'argocd-application-crd.yaml',
    known: deliberate,
  },
  {
    key: 'argoproj.io/v1alpha1/AppProject',
    crdFile: 'argocd-appproject-crd.yaml',
    known: deliberate,
  },
  {
    key: 'argoproj.io/v1alpha1/ApplicationSet',
    crdFile: 'argocd-applicationset-crd.yaml',
    known: deliberate,
  },
  {
    key: 'karpenter.sh/v1/NodePool',
    crdFile: 'karpenter.sh_nodepools.yaml',
    known: [...deliberate, crdQuantity, conditionStatusEnum],
  },
  {
    key: 'karpenter.sh/v1/NodeClaim',
    crdFile: 'karpenter.sh_nodeclaims.yaml',
    known: [
      ...deliberate,
      crdQuantity,
      conditionStatusEnum,
      {
        pattern: /^status\.conditions\[\]: "(message|reason)" required only in ours$/,
        reason:
          'the operatorpkg Condition model requires message and reason; status is written by the controller, never rendered',
      },
    ],
  },
  {
    key: 'karpenter.k8s.aws/v1/EC2NodeClass',
    crdFile: 'karpenter.k8s.aws_ec2nodeclasses.yaml',
    known: [
      ...deliberate,
      conditionStatusEnum,
      {
        pattern:
          /^status\.capacityReservations\[\]\.(reservationType|state): enum ours none, upstream \[.*\]$/,
        reason:
          'the model types CapacityReservationType and CapacityReservationState as plain strings; ' +
          'status is written by the controller, never rendered',
      },
      {
        pattern: /^status\.amis\[\]\.requirements\[\]\.operator: enum ours \[.*\], upstream none$/,
        reason:
          'the model reuses core NodeSelectorRequirement (with its operator enum) for the AMI requirements ' +
          'the controller records; status is written by the controller, never rendered',
      },
    ],
  },
];

describeWithUpstream(
  'embedded custom resource schemas agree with the Argo CD v3.5.1 and Karpenter v1.14.1 CRDs',
  () => {
    const embedded = loadEmbeddedSchemas();

    for (const resource of customResources) {
      it(`${resource.key}: same fields, required fields, openness, scalar types and enums at every depth, but for the listed differences`, () => {
        const [group, version] = resource.key.split('/');
        const crd = parse(
          readFileSync(join(upstreamDirectory, 'crds', resource.crdFile), 'utf8'),
        ) as {
          spec: {
            group: string;
            versions: { name: string; schema: { openAPIV3Schema: JsonSchema } }[];
          };
        };
        expect(crd.spec.group).toBe(group);
        const upstream = crd.spec.versions.find((v) => v.name === version)!.schema.openAPIV3Schema;
        const differences = compareSchemas(
          {
            schema: { $ref: `#/definitions/${embedded.resources[resource.key]}` },
            resolve: (ref) => embedded.definitions[ref.slice('#/definitions/'.length)]!,
          },
          {
            schema: upstream,
            resolve: (ref) => {
              throw new Error(`CRD schemas have no $ref (${ref})`);
            },
          },
          { opaquePaths: ['metadata'], enums: true },
        );
        const audit = auditDifferences(differences, resource.known);
        expect(audit.unexplained).toEqual([]);
        expect(audit.unused.map((k) => k.reason)).toEqual([]);
      });
    }
  },
);
