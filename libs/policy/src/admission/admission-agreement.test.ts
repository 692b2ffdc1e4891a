import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readPolicyDocuments, type PolicyFile } from '../document/policy-document';
import { objectOf, stringOf, type JsonObject } from '../document/json-value';
import { checkPolicy } from '../engine/check-policy';
import { fixtureClusterVersions } from '../fixtures/rule-fixture';
import type { ResourceRule } from '../rules/policy-rule';
import { policyRules } from '../rules/policy-rules';
import { ruleFixtures } from '../rules/rule-fixtures';
import { podTemplateOf } from '../workload/pod-template';
import { policyExemptionAnnotation } from '@platform/manifests';
import { admissionPolicies, systemNamespaces } from './admission-policies';
import { podVariants } from './admission-variants';
import { simulateAdmission, type AdmissionVerdict } from './simulate-admission';

const twins = policyRules.filter(
  (rule): rule is ResourceRule => rule.input === 'resource' && rule.admission !== undefined,
);
const policies = new Map(
  admissionPolicies({ protective: ['Deny', 'Audit'], advisory: ['Warn', 'Audit'] }).map((pair) => [
    pair.rule,
    pair,
  ]),
);

/**
 * The pod as `gitops policy` must judge it to give the admission verdict: without its own
 * exemption annotations, which whoever creates a pod writes and admission therefore ignores.
 */
function withoutOwnExemptions(pod: JsonObject): JsonObject {
  const metadata = objectOf(pod.metadata);
  const annotations = Object.fromEntries(
    Object.entries(objectOf(metadata.annotations)).filter(
      ([key]) => !key.startsWith(policyExemptionAnnotation('')),
    ),
  );
  return { ...pod, metadata: { ...metadata, annotations } };
}

/** A pod as the API server sees it at CREATE, with the Namespace objects it is judged with. */
interface AdmissionCase {
  name: string;
  pod: JsonObject;
  podFile: PolicyFile;
  namespaces: PolicyFile[];
}

/**
 * Every pod of every rule fixture: a Pod as written, and for a workload the pod its controller
 * creates (the template's metadata and spec in the workload's namespace). Pods in the system
 * namespaces are left out: the admission policies do not guard them (tested below).
 */
function fixtureCases(): AdmissionCase[] {
  return ruleFixtures.flatMap((fixture, fixtureIndex) => {
    const { documents } = readPolicyDocuments(fixture.files);
    const namespaces = fixture.files.filter((f) => /^kind: Namespace$/m.test(f.content));
    return documents.flatMap(({ resource }, index) => {
      const template = resource && podTemplateOf(resource);
      if (!resource || !template || systemNamespaces.includes(resource.namespace ?? '')) return [];
      const metadata = { ...template.metadata, name: resource.name, namespace: resource.namespace };
      const pod = { apiVersion: 'v1', kind: 'Pod', metadata, spec: template.spec };
      const path = resource.document.file.replace(
        /[^/]+$/,
        `pod-from-${fixtureIndex}-${index}-${resource.name}.yaml`,
      );
      return [
        {
          name: `${fixture.behaviour}: ${resource.label}`,
          pod,
          podFile: { path, content: stringify(withoutOwnExemptions(pod)) },
          namespaces,
        },
      ];
    });
  });
}

/** The one-change pods of podVariants, written to files for the TypeScript side. */
function variantCases(rule: string): AdmissionCase[] {
  return podVariants(rule).map((variant, index) => {
    const namespace = stringOf(objectOf(variant.pod.metadata).namespace)!;
    const path = `rendered/ci/variants/pods/pod-${namespace}-variant-${index}.yaml`;
    return { ...variant, podFile: { path, content: stringify(withoutOwnExemptions(variant.pod)) } };
  });
}

/**
 * `gitops policy` over the cases, in as few runs as possible: cases judged with the same
 * Namespace files are checked together, and a pod is refused when the rule reports its file.
 */
function typescriptVerdicts(rule: ResourceRule, cases: readonly AdmissionCase[]) {
  const groups = new Map<string, AdmissionCase[]>();
  for (const test of cases) {
    const key = test.namespaces.map((file) => `${file.path}\n${file.content}`).join('\n');
    groups.set(key, [...(groups.get(key) ?? []), test]);
  }
  const refusedFiles = new Set<string>();
  for (const group of groups.values()) {
    const files = [...group.map((test) => test.podFile), ...group[0]!.namespaces];
    const report = checkPolicy(files, [rule], { clusterVersions: fixtureClusterVersions });
    for (const finding of report.findings)
      if (finding.rule === rule.id) refusedFiles.add(finding.file);
  }
  return (test: AdmissionCase): AdmissionVerdict =>
    refusedFiles.has(test.podFile.path) ? 'refused' : 'admitted';
}

/** The API server's verdict, from the rendered ValidatingAdmissionPolicy evaluated in CEL. */
function celVerdict(rule: ResourceRule, test: AdmissionCase): AdmissionVerdict {
  const namespaceName = stringOf(objectOf(test.pod.metadata).namespace);
  const namespaceObject = readPolicyDocuments(test.namespaces)
    .documents.map((document) => document.resource)
    .find((resource) => resource?.kind === 'Namespace' && resource.name === namespaceName);
  const verdict = simulateAdmission(
    policies.get(rule.id)!.policy,
    test.pod,
    namespaceObject?.object ?? null,
  );
  // Out of the policy's scope counts as admitted: the rule passes pods it does not apply to.
  return verdict === 'not-matched' ? 'admitted' : verdict;
}

let casesOfFixtures: AdmissionCase[] | undefined;

describe.each(twins.map((rule) => [rule.id, rule] as const))(
  'the admission twin of %s',
  (_, rule) => {
    // Built when the tests run, not when they are collected.
    let cases: AdmissionCase[] = [];
    let typescript: (test: AdmissionCase) => AdmissionVerdict = () => 'admitted';
    beforeAll(() => {
      casesOfFixtures ??= fixtureCases();
      cases = [...casesOfFixtures, ...variantCases(rule.id)];
      typescript = typescriptVerdicts(rule, cases);
    });

    it('gives every fixture pod and every one-change pod the verdict of the TypeScript rule', () => {
      const disagreements = cases
        .map((test) => ({
          name: test.name,
          cel: celVerdict(rule, test),
          typescript: typescript(test),
        }))
        .filter(({ cel, typescript }) => cel !== typescript);
      expect(disagreements).toEqual([]);
    });

    it('is tested on pods it admits and on pods it refuses; an exemption on the pod lifts nothing', () => {
      const refused = cases.filter((test) => typescript(test) === 'refused');
      expect(refused.length).toBeGreaterThan(0);
      expect(cases.some((test) => typescript(test) === 'admitted')).toBe(true);
      // Whoever creates a pod writes its annotations: its own exemption is refused like the
      // plain pod.
      const exempted = cases.filter((test) =>
        test.name.includes(`exempted from ${rule.id} on the pod`),
      );
      expect(exempted.length).toBeGreaterThan(0);
      for (const test of exempted) {
        const plain = cases.find(
          (c) => c.name === test.name.replace(/, exempted from .* on the pod$/, ''),
        )!;
        expect(celVerdict(rule, test), test.name).toBe(celVerdict(rule, plain));
      }
      expect(exempted.some((test) => celVerdict(rule, test) === 'refused')).toBe(true);
    });
  },
);

describe('the admission policies', () => {
  it('leave pods in the system namespaces to EKS', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'aws-node', namespace: 'kube-system' },
      spec: { hostNetwork: true, containers: [{ name: 'aws-node', image: 'aws-node' }] },
    };
    for (const rule of twins) {
      expect(simulateAdmission(policies.get(rule.id)!.policy, pod, null)).toBe('not-matched');
    }
  });
});
