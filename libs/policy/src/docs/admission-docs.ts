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
  return `yes: Pods created in ${where} (\`ValidatingAdmissionPolicy/platform-${rule.id}\`)`;
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
    "`gitops policy` sees only what is in Git. Pods created at run time, above all the CI job pods the runners start, are seen only by the API server. Each rule below also declares a CEL twin next to its TypeScript check; `apps/admission-control` renders it as a `ValidatingAdmissionPolicy` with a binding on every cluster whose inventory entry sets `admission` (`validationActions` per cluster). A test evaluates every generated expression with a CEL evaluator over the rule's fixtures and one-change pods and requires the TypeScript verdict, exemptions included. How to move a cluster from `Warn` to `Deny`: [admission.md](admission.md).",
    '',
    ...twins.map((rule) => `- \`${rule.id}\`: ${admissionScope(rule)}`),
    '',
    `Checked in CI only: ${ciOnly.map((rule) => `\`${rule.id}\``).join(', ')}. The Pod Security Standards themselves are enforced at admission by Kubernetes' own Pod Security admission, from the namespace labels.`,
    '',
    'At admission a policy judges the Pod as it is created (CREATE only: a pod spec is immutable but for images and scheduling details). Exemptions carry over:',
    '',
    `- the annotation \`${policyExemptionAnnotation('<rule-id>')}\` with a non-blank reason on the **Pod** lifts the rule (a \`matchCondition\`). A workload needs it twice: on the Deployment or DaemonSet itself, which exempts it in CI, and on its pod template, which is what reaches its pods at admission;`,
    "- for rules exempted by namespace (_resource or namespace_), the same annotation on the Pod's **Namespace** lifts it for every pod there (a variable over `namespaceObject`, as match conditions cannot see the namespace).",
    '',
    'At admission `host-access` applies on its own: it does not defer to `pss-baseline`, whose job Pod Security admission does there.',
    '',
  ].join('\n');
}
