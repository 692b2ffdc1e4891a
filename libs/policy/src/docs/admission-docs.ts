import { policyExemptionAnnotation } from '@platform/manifests';
import { systemNamespaces } from '../admission/admission-policies';
import type { PolicyRule, ResourceRule } from '../rules/policy-rule';

/** Whether, and for which pods, a rule is enforced at admission too. */
export function admissionScope(rule: PolicyRule): string {
  if (rule.input !== 'resource' || !rule.admission) return 'no: checked in CI only';
  const { namespaces } = rule.admission;
  const where =
    namespaces === 'platform'
      ? `every namespace but ${systemNamespaces.map((n) => `\`${n}\``).join(', ')}`
      : namespaces.map((n) => `\`${n}\``).join(', ');
  return `yes, ${rule.admission.enforcement}: Pods created or changed in ${where} (\`ValidatingAdmissionPolicy/platform-${rule.id}\`)`;
}

/** The "Enforced at admission" section of docs/policy.md. */
export function admissionSection(rules: readonly PolicyRule[]): string {
  const twins = rules.filter(
    (rule): rule is ResourceRule => rule.input === 'resource' && rule.admission !== undefined,
  );
  const ciOnly = rules.filter((rule) => !twins.includes(rule as ResourceRule));
  return [
    '## Enforced at admission',
    '',
    "`gitops policy` sees only what is in Git. Pods created at run time, above all the CI job pods the runners start, are seen only by the API server. Each rule below also declares a CEL twin next to its TypeScript check; `apps/admission-control` renders it as a `ValidatingAdmissionPolicy` with a binding on every cluster whose inventory entry sets `admission`: _protective_ rules (a refused pod could take its node or the API) with the cluster's `admission.protective` actions, _advisory_ ones with `admission.advisory`. A test evaluates every generated expression with a CEL evaluator over the rule's fixtures and one-change pods and requires the TypeScript verdict, exemptions included; `gitops check` evaluates every generated policy against every rendered pod as the API server would at `Deny`. How to move a cluster from `Warn` to `Deny`: [admission.md](admission.md).",
    '',
    ...twins.map((rule) => `- \`${rule.id}\`: ${admissionScope(rule)}`),
    '',
    `Checked in CI only: ${ciOnly.map((rule) => `\`${rule.id}\``).join(', ')}. The Pod Security Standards themselves are enforced at admission by Kubernetes' own Pod Security admission, from the namespace labels.`,
    '',
    'At admission a policy judges the Pod as it is created, every update of it, and the ephemeral containers `kubectl debug` adds (CREATE and UPDATE of `pods` and `pods/ephemeralcontainers`). Only the platform grants an exemption there:',
    '',
    `- a Pod's own annotations lift nothing: whoever creates the pod writes them, so \`${policyExemptionAnnotation('<rule-id>')}\` on a Pod (or a pod template) is no exemption at admission;`,
    "- for rules exempted by namespace (_resource or namespace_), the annotation on the Pod's **Namespace**, which only the platform writes, lifts it for every pod there (a variable over `namespaceObject`). A typed exemption of a workload (`exemptions` in its `component.ts`) reaches its Namespace by itself: the namespace a component renders with `addPlatformNamespace` carries the admission exemptions of every workload in it, with their reasons;",
    '- rules exempted only on the resource have no exemption at admission: a rendered workload must pass them as it is (`gitops check` fails otherwise).',
    '',
    'At admission `host-access` applies on its own: it does not defer to `pss-baseline`, whose job Pod Security admission does there.',
    '',
  ].join('\n');
}
