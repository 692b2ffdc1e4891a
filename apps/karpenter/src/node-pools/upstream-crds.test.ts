import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterByName, inventory } from '@platform/config';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ciNodeClasses, nodePoolShapes } from '../ci-nodes/ci-node-shapes';
import { nodeClassManifest } from '../ci-nodes/node-class-manifest';
import { nodePoolManifest } from '../ci-nodes/node-pool-manifest';
import { peakLimits, renderTimePlan } from '../ci-nodes/peak-limits';

/** Karpenter 1.14.1's CRDs, for a cross-check only (never read by product code). */
const crds = join(
  resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..'),
  '..',
  'shared',
  'upstream',
  'crds',
);

function crdSchema(file: string): object {
  const crd = parse(readFileSync(join(crds, file), 'utf8')) as {
    spec: { versions: { name: string; schema: { openAPIV3Schema: object } }[] };
  };
  return crd.spec.versions.find((v) => v.name === 'v1')!.schema.openAPIV3Schema;
}

const ci = clusterByName(inventory, 'ci');

if (existsSync(crds)) {
  describe('the CI NodePools and EC2NodeClasses against the Karpenter 1.14.1 CRDs', () => {
    // Patterns, enums and bounds of the CRDs; CEL rules stay with the API server.
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

    it('every NodePool is valid', () => {
      const validate = ajv.compile(crdSchema('karpenter.sh_nodepools.yaml'));
      const plan = renderTimePlan(ci);
      for (const shape of nodePoolShapes) {
        const valid = validate(nodePoolManifest(shape, peakLimits(shape, plan)));
        expect(validate.errors ?? [], shape.pool.name).toEqual([]);
        expect(valid).toBe(true);
      }
    });

    it('every EC2NodeClass is valid', () => {
      const validate = ajv.compile(crdSchema('karpenter.k8s.aws_ec2nodeclasses.yaml'));
      for (const shape of Object.values(ciNodeClasses)) {
        validate(nodeClassManifest(shape, ci));
        expect(validate.errors ?? [], shape.name).toEqual([]);
      }
    });
  });
} else {
  console.warn(`skipping the Karpenter CRD cross-check: ${crds} not found`);
  it.skip(`Karpenter CRD cross-check (needs ${crds})`, () => {});
}
