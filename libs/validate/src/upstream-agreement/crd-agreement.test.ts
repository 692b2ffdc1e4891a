import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import { loadEmbeddedSchemas, type JsonSchema } from '../index';
import { auditDifferences, typeMetaRequired, type KnownDifference } from './known-differences';
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

// Fields the CRDs have and the model packages lack. Our closed schemas reject them, so a manifest
// using one fails validation until the model package (or the generator) catches up.
const argoSourceTagPrefix: KnownDifference = {
  pattern: /(source|sources\[\]): field "tagPrefix" only upstream$/,
  reason: 'ApplicationSource.tagPrefix is in the v3.5.1 CRD, not in the argo-cd model package',
};
const argoSyncSourceRepo: KnownDifference = {
  pattern: /sourceHydrator\.syncSource: field "repoURL" only upstream$/,
  reason:
    'SyncSource.repoURL (source hydrator) is in the v3.5.1 CRD, not in the argo-cd model package',
};
const argoStatus: KnownDifference = {
  pattern:
    /^status(\.[A-Za-z]+)*: field "(isAppOfApps|lastComparedDryRevision|health)" only upstream$/,
  reason:
    'status fields newer than the argo-cd model package; status is written by the controller, never rendered',
};
const argoArchivedRepos: KnownDifference = {
  pattern:
    /scmProvider\.(gitea|github): field "excludeArchivedRepos" only upstream$|scmProvider\.gitlab: field "includeArchivedRepos" only upstream$/,
  reason:
    'SCM provider archived-repository filters are in the v3.5.1 CRD, not in the argo-cd model package',
};
const crdQuantity: KnownDifference = {
  pattern: /: ours is number\|string, upstream is integer\|string$/,
  reason:
    'Quantity is number|string in the models; a CRD declares it int-or-string, so a fractional JSON number ' +
    '(`cpu: 0.5`) passes here but is rejected by the API server; write quantities as strings',
};

const customResources: CustomResource[] = [
  {
    key: 'argoproj.io/v1alpha1/Application',
    crdFile: 'argocd-application-crd.yaml',
    known: [typeMetaRequired, argoSourceTagPrefix, argoSyncSourceRepo, argoStatus],
  },
  {
    key: 'argoproj.io/v1alpha1/AppProject',
    crdFile: 'argocd-appproject-crd.yaml',
    known: [
      typeMetaRequired,
      {
        pattern: /^spec: field "sourceIntegrity" only upstream$/,
        reason:
          'AppProject.spec.sourceIntegrity is in the v3.5.1 CRD, not in the argo-cd model package',
      },
      {
        pattern: /^spec\.syncWindows\[\]: field "syncOverrun" only upstream$/,
        reason: 'SyncWindow.syncOverrun is in the v3.5.1 CRD, not in the argo-cd model package',
      },
    ],
  },
  {
    key: 'argoproj.io/v1alpha1/ApplicationSet',
    crdFile: 'argocd-applicationset-crd.yaml',
    known: [
      typeMetaRequired,
      argoSourceTagPrefix,
      argoSyncSourceRepo,
      argoArchivedRepos,
      argoStatus,
    ],
  },
  {
    key: 'karpenter.sh/v1/NodePool',
    crdFile: 'karpenter.sh_nodepools.yaml',
    known: [typeMetaRequired, crdQuantity],
  },
  {
    key: 'karpenter.sh/v1/NodeClaim',
    crdFile: 'karpenter.sh_nodeclaims.yaml',
    known: [
      typeMetaRequired,
      crdQuantity,
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
      typeMetaRequired,
      {
        pattern: /^spec: field "(connectionTracking|cpuOptions)" only upstream$/,
        reason: 'EC2NodeClass fields in the v1.14.1 CRD, not in the karpenter model package',
      },
    ],
  },
];

describeWithUpstream(
  'embedded custom resource schemas agree with the Argo CD v3.5.1 and Karpenter v1.14.1 CRDs',
  () => {
    const embedded = loadEmbeddedSchemas();

    for (const resource of customResources) {
      it(`${resource.key}: same fields, required fields, openness and scalar types at every depth, but for the listed differences`, () => {
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
          { opaquePaths: ['metadata'] },
        );
        const audit = auditDifferences(differences, resource.known);
        expect(audit.unexplained).toEqual([]);
        expect(audit.unused.map((k) => k.reason)).toEqual([]);
      });
    }
  },
);
