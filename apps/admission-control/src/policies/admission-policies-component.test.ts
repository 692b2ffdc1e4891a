import { inventory, type ClusterSpec } from '@platform/config';
import { renderDefinition } from '@platform/core';
import { checkPolicy, policyRules } from '@platform/policy';
import { validate } from '@platform/validate';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import admissionPolicies from './component';

const placement = { app: 'admission-control', name: 'policies', inventory };

/** The inventory with one cluster's admission actions replaced, the rest as shipped. */
function withActions(cluster: string, admission: ClusterSpec['admission']) {
  const clusters = inventory.clusters.map((c) => (c.name === cluster ? { ...c, admission } : c));
  return { ...placement, inventory: { ...inventory, clusters } };
}

async function rendered(place = placement) {
  const files = await renderDefinition(admissionPolicies, place, 'ci');
  const objects = files.flatMap((file) =>
    parseAllDocuments(file.content).map((document) => document.toJS()),
  );
  return { files, objects };
}

describe('the admission policies component', () => {
  it('renders a policy and a binding for every rule with an admission twin', async () => {
    const { objects } = await rendered();
    const twins = policyRules.filter((rule) => rule.input === 'resource' && rule.admission);
    expect(twins.length).toBeGreaterThanOrEqual(5);
    for (const kind of ['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding']) {
      expect(
        objects
          .filter((o) => o.kind === kind)
          .map((o) => o.metadata.name)
          .sort(),
      ).toEqual(twins.map((rule) => `platform-${rule.id}`).sort());
    }
  });

  it('validates against the Kubernetes schema and passes the policy rules', async () => {
    const { files } = await rendered();
    expect((await validate(files, { engine: 'embedded' })).findings).toEqual([]);
    expect(checkPolicy(files).findings).toEqual([]);
  });

  it("binds with the cluster's validation actions from the inventory", async () => {
    const warn = await rendered(withActions('ci', { validationActions: ['Warn', 'Audit'] }));
    const deny = await rendered(withActions('ci', { validationActions: ['Deny', 'Audit'] }));
    const actions = (objects: { kind: string; spec: { validationActions?: string[] } }[]) =>
      new Set(
        objects
          .filter((o) => o.kind === 'ValidatingAdmissionPolicyBinding')
          .map((o) => o.spec.validationActions!.join(',')),
      );
    expect(actions(warn.objects)).toEqual(new Set(['Warn,Audit']));
    expect(actions(deny.objects)).toEqual(new Set(['Deny,Audit']));
  });
});
