import type { Finding } from '@platform/manifests';
import { policyExemptionAnnotation } from '@platform/manifests';
import { policyRules, simulateAdmission } from '@platform/policy';
import { byCluster, findingAt, labelOf, type RenderedObject } from '../rendered/rendered-objects';
import { runnerJobs, runnerTemplateKey } from '../runners/runner-jobs';
import { podTemplates } from '../workloads/pod-templates';

export const admissionRules = {
  /** A rendered workload whose pods a policy would refuse at Deny. */
  refused: 'admission-refuses-workload',
  /** A policy that does not guard what it must, or lets a pod's creator exempt it. */
  enforcement: 'admission-enforcement',
  /** A namespace a runner starts job pods in that some admission policy does not cover. */
  jobNamespaces: 'admission-job-namespaces',
} as const;

const exemptionPrefix = policyExemptionAnnotation('');

/** A cluster's rendered Namespaces by name: what admission sees as `namespaceObject`. */
function renderedNamespaces(
  cluster: readonly RenderedObject[],
): Map<string, RenderedObject['value']> {
  return new Map(cluster.filter((o) => o.kind === 'Namespace').map((o) => [o.name, o.value]));
}

/** The rules whose refusal protects the cluster: their bindings must deny. */
function protectivePolicyNames(): Set<string> {
  return new Set(
    policyRules
      .filter((rule) => rule.input === 'resource' && rule.admission?.enforcement === 'protective')
      .map((rule) => `platform-${rule.id}`),
  );
}

/**
 * Every generated ValidatingAdmissionPolicy of a cluster, evaluated as the API server would at
 * Deny (whatever its binding says today) against the pod every rendered workload creates, in its
 * rendered Namespace: a refusal is a rollout that would stop. A workload whose own exemption was
 * meant to cover it is named as such: an exemption on a DaemonSet never reaches its pods.
 */
export function checkRenderedPodsAdmitted(objects: readonly RenderedObject[]): Finding[] {
  const findings: Finding[] = [];
  for (const [, cluster] of byCluster(objects)) {
    const policies = cluster.filter((o) => o.kind === 'ValidatingAdmissionPolicy');
    if (policies.length === 0) continue;
    const namespaces = renderedNamespaces(cluster);
    for (const template of podTemplates(cluster)) {
      const pod = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          ...template.metadata,
          name: template.workload.name,
          namespace: template.namespace,
        },
        spec: template.spec,
      };
      for (const policy of policies) {
        let verdict: string;
        try {
          verdict = simulateAdmission(
            policy.value as Parameters<typeof simulateAdmission>[0],
            pod,
            namespaces.get(template.namespace) ?? null,
          );
        } catch (error) {
          findings.push(
            findingAt(
              template.workload,
              [...template.path, 'spec'],
              admissionRules.refused,
              `${labelOf(policy)} fails on its pods (${(error as Error).message}); under failurePolicy Fail that refuses them`,
            ),
          );
          continue;
        }
        if (verdict !== 'refused') continue;
        const rule = policy.name.replace(/^platform-/, '');
        const own =
          template.workload.value.metadata?.annotations?.[policyExemptionAnnotation(rule)];
        findings.push(
          findingAt(
            template.workload,
            [...template.path, 'spec'],
            admissionRules.refused,
            `its pods would be refused at Deny by ${labelOf(policy)}${own ? `: its own ${rule} exemption does not reach them (admission sees the Pod; exempt the Namespace)` : ''}`,
          ),
        );
      }
    }
  }
  return findings;
}

/**
 * What every generated policy must be: guarding pod creation, updates and ephemeral containers;
 * lifting a rule for nothing the pod's creator writes (its own annotations); and, for the rules
 * that protect the cluster, bound with Deny.
 */
export function checkAdmissionEnforcement(objects: readonly RenderedObject[]): Finding[] {
  const protective = protectivePolicyNames();
  const findings: Finding[] = [];
  for (const [, cluster] of byCluster(objects)) {
    for (const policy of cluster.filter((o) => o.kind === 'ValidatingAdmissionPolicy')) {
      const at = (path: (string | number)[], message: string) =>
        findings.push(findingAt(policy, path, admissionRules.enforcement, message));
      const rules = (policy.value.spec?.matchConstraints?.resourceRules ?? []) as {
        operations?: string[];
        resources?: string[];
      }[];
      const covers = (operation: string, resource: string) =>
        rules.some(
          (rule) =>
            (rule.operations ?? []).some((o) => o === operation || o === '*') &&
            (rule.resources ?? []).some((r) => r === resource || r === '*' || r === 'pods/*'),
        );
      for (const [operation, resource] of [
        ['CREATE', 'pods'],
        ['UPDATE', 'pods'],
        ['UPDATE', 'pods/ephemeralcontainers'],
      ] as const)
        if (!covers(operation, resource))
          at(
            ['spec', 'matchConstraints', 'resourceRules'],
            `does not match ${operation} of ${resource}: ${resource === 'pods' ? 'a pod changed after creation' : 'a container added with kubectl debug'} escapes it`,
          );
      const spec = policy.value.spec ?? {};
      const expressions = [
        ...((spec.matchConditions ?? []) as { expression: string }[]),
        ...((spec.variables ?? []) as { expression: string }[]),
        ...((spec.validations ?? []) as { expression: string }[]),
      ];
      if (
        expressions.some(
          (e) =>
            /object\.metadata\.annotations/.test(e.expression) &&
            e.expression.includes(exemptionPrefix),
        )
      )
        at(
          ['spec'],
          `lifts its rule for a pod that carries ${exemptionPrefix}<rule> itself: whoever creates the pod grants its own exemption`,
        );
      const binding = cluster.find(
        (o) =>
          o.kind === 'ValidatingAdmissionPolicyBinding' && o.value.spec?.policyName === policy.name,
      );
      const actions = (binding?.value.spec?.validationActions ?? []) as string[];
      if (protective.has(policy.name) && !actions.includes('Deny'))
        findings.push(
          findingAt(
            binding ?? policy,
            binding ? ['spec', 'validationActions'] : ['metadata', 'name'],
            admissionRules.enforcement,
            `${policy.name} protects the cluster but is bound with [${actions.join(', ')}]: only a warning stands between a pod and what it forbids`,
          ),
        );
    }
  }
  return findings;
}

/**
 * Every generated ValidatingAdmissionPolicy of a cluster applies in every namespace a rendered
 * runner starts job pods in: job pods never pass through rendered/, so admission is what stands
 * between them and the rules (a CI job rule lists its namespaces; a runner given a new job
 * namespace must be listed too, or its jobs escape every rule there). A policy applies when the
 * API server would evaluate it for a pod created there: its namespace selector and match
 * conditions, as `simulateAdmission` reads them, let a bare job pod through.
 */
export function checkRunnerNamespacesGuarded(objects: readonly RenderedObject[]): Finding[] {
  const findings: Finding[] = [];
  for (const [, cluster] of byCluster(objects)) {
    const policies = cluster.filter(
      (o) => o.kind === 'ValidatingAdmissionPolicy' && o.name.startsWith('platform-'),
    );
    const namespaces = renderedNamespaces(cluster);
    for (const runner of runnerJobs(cluster)) {
      const pod = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'job', namespace: runner.namespace },
        spec: { containers: [{ name: 'build', image: 'job' }] },
      };
      for (const policy of policies) {
        const verdict = simulateAdmission(
          policy.value as Parameters<typeof simulateAdmission>[0],
          pod,
          namespaces.get(runner.namespace) ?? null,
        );
        if (verdict !== 'not-matched') continue;
        findings.push(
          findingAt(
            runner.configMap,
            ['data', runnerTemplateKey],
            admissionRules.jobNamespaces,
            `starts job pods in namespace ${runner.namespace}, which ${labelOf(policy)} does not cover: its jobs escape that rule at admission`,
          ),
        );
      }
    }
  }
  return findings;
}
