import { inventory, type ClusterSpec } from '@platform/config';
import { renderDefinition } from '@platform/core';
import { checkPolicy, policyRules } from '@platform/policy';
import { validateFiles } from '@platform/validate';
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
    expect(validateFiles(files).findings).toEqual([]);
    expect(checkPolicy(files).findings).toEqual([]);
  });

  it("binds protective and advisory rules with the cluster's actions for each from the inventory", async () => {
    const warn = await rendered(
      withActions('ci', { protective: ['Warn', 'Audit'], advisory: ['Warn', 'Audit'] }),
    );
    const split = await rendered(
      withActions('ci', { protective: ['Deny', 'Audit'], advisory: ['Warn', 'Audit'] }),
    );
    const actions = (objects: { kind: string; metadata: { name: string }; spec: any }[]) =>
      Object.fromEntries(
        objects
          .filter((o) => o.kind === 'ValidatingAdmissionPolicyBinding')
          .map((o) => [o.metadata.name, o.spec.validationActions!.join(',')]),
      );
    const protective = policyRules
      .filter((rule) => rule.input === 'resource' && rule.admission?.enforcement === 'protective')
      .map((rule) => `platform-${rule.id}`);
    expect(protective.sort()).toEqual([
      'platform-ci-job-service-account-token',
      'platform-host-access',
    ]);
    expect(new Set(Object.values(actions(warn.objects)))).toEqual(new Set(['Warn,Audit']));
    for (const [name, action] of Object.entries(actions(split.objects)))
      expect(action, name).toBe(protective.includes(name) ? 'Deny,Audit' : 'Warn,Audit');
  });
});
