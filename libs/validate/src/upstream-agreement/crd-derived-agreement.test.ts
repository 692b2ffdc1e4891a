import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import { crdVersionSchemas } from '../checks/custom-resources/crd-versions';
import type { JsonSchema } from '../checks/schema-model/schema-set';
import { loadEmbeddedSchemas } from '../evaluators/schema-catalog/embedded-schemas';
import { validateFiles } from '../runner/validate-files';
import { crdStructuralSchema } from '../checks/custom-resources/crd-structural-schema';
import { compareSchemas } from './schema-comparison';
import { describeWithUpstream, upstreamDirectory } from './upstream-reference';

const crdFiles: Record<string, string> = {
  'argoproj.io/v1alpha1/Application': 'argocd-application-crd.yaml',
  'argoproj.io/v1alpha1/AppProject': 'argocd-appproject-crd.yaml',
  'argoproj.io/v1alpha1/ApplicationSet': 'argocd-applicationset-crd.yaml',
  'karpenter.sh/v1/NodePool': 'karpenter.sh_nodepools.yaml',
  'karpenter.sh/v1/NodeClaim': 'karpenter.sh_nodeclaims.yaml',
  'karpenter.k8s.aws/v1/EC2NodeClass': 'karpenter.k8s.aws_ec2nodeclasses.yaml',
};

const crdText = (file: string) => readFileSync(join(upstreamDirectory, 'crds', file), 'utf8');

describeWithUpstream(
  'CRD-derived schemas (Argo CD v3.5.1, Karpenter v1.14.1) agree with the generated ones',
  () => {
    const embedded = loadEmbeddedSchemas();
    for (const [key, file] of Object.entries(crdFiles)) {
      it(`${key}: the CRD-derived schema differs from the generated one exactly where the audited CRD does`, () => {
        const version = crdVersionSchemas(parse(crdText(file)), file).find((v) => v.key === key)!;
        expect(version, `${file} serves ${key}`).toBeDefined();
        const generated = {
          schema: { $ref: `#/definitions/${embedded.resources[key]}` },
          resolve: (ref: string) => embedded.definitions[ref.slice('#/definitions/'.length)]!,
        };
        const noRefs = (ref: string): JsonSchema => {
          throw new Error(`no $ref expected (${ref})`);
        };
        const options = { opaquePaths: ['metadata'], enums: true };
        const againstCrd = compareSchemas(
          generated,
          { schema: version.openApi, resolve: noRefs },
          options,
        );
        const againstDerived = compareSchemas(
          generated,
          { schema: crdStructuralSchema(version.openApi), resolve: noRefs },
          options,
        );
        expect(againstDerived).toEqual(againstCrd);
      });
    }

    const nodePool = (group: string) => `apiVersion: karpenter.sh/v1
kind: NodePool
metadata:
  name: default
spec:
  template:
    spec:
      nodeClassRef:
        group: ${group}
        kind: EC2NodeClass
        name: default
      requirements:
        - key: kubernetes.io/arch
          operator: In
          values: []
`;
    const withCrd = (manifest: string) =>
      validateFiles([
        {
          path: 'rendered/ci/karpenter/controller/crd.yaml',
          content: crdText(crdFiles['karpenter.sh/v1/NodePool']!),
        },
        { path: 'rendered/ci/karpenter/nodepools/nodepool-default.yaml', content: manifest },
      ]).findings.map(
        (f) => `${f.rule} ${f.field} ${f.message.replace(/ \(CEL rule of .*\)$/, '')}`,
      );

    it('the Karpenter CRD rejects nodeClassRef.group "karpenter.k8s.aws/v1" by its pattern, and its CEL rules run', () => {
      expect(withCrd(nodePool('karpenter.k8s.aws/v1'))).toEqual([
        'schema spec.template.spec.nodeClassRef.group must match the pattern "^[^/]*$" (got "karpenter.k8s.aws/v1")',
      ]);
      expect(withCrd(nodePool('karpenter.k8s.aws'))).toEqual([
        "cel spec.template.spec.requirements requirements with operator 'In' must have a value defined",
      ]);
    });
  },
);
