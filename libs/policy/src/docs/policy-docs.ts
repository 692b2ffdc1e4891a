import { policyExemptionAnnotation } from '@platform/manifests';
import type { PolicyRule } from '../rules/policy-rule';
import { ruleAreas, type RuleArea } from '../rules/policy-rules';
import { admissionScope, admissionSection } from './admission-docs';
import { podSecurityVersionsSection } from './pod-security-versions-docs';

/** Where the generated rule reference lives, relative to the repository root. */
export const policyDocsPath = 'docs/policy.md';

const exemptionScopes: Record<PolicyRule['exemption'], string> = {
  none: 'none',
  resource: 'resource',
  'resource-or-namespace': 'resource or namespace',
};

const introduction = `# Policy rules

<!-- Generated from the rule metadata in libs/policy/src/rules by libs/policy/src/docs/write-policy-docs.ts. Do not edit: change the rule, then run \`npx tsx libs/policy/src/docs/write-policy-docs.ts\`. A test fails while this file is stale. -->

\`gitops policy [paths…]\` checks Kubernetes manifests (by default everything under \`rendered/\`) against the rules below; \`gitops render\` runs the same rules over the in-memory render and writes nothing if any error is found. Each finding names the file, line and column, the resource, the field and the rule. Any finding of severity \`error\` makes the command exit 1; warnings are printed and do not fail it. \`--json\` prints \`{findings, exemptions, summary}\`.

Helm values files (files with a \`# helm-values:\` header) are not Kubernetes objects: only \`no-credentials\` scans them. What a chart renders from its values is not inflated in this repository, so it is not checked here.

## How exemptions work

A rule is lifted from a resource by an annotation on that resource whose value is the reason:

\`\`\`yaml
metadata:
  annotations:
    ${policyExemptionAnnotation('<rule-id>')}: <why the rule cannot apply here>
\`\`\`

- The reason is required. A blank one is a finding of \`exemption-reason\`, and the exemption is not honoured.
- The rule id must exist. An unknown one is a finding of \`exemption-unknown-rule\`.
- An exemption covers every finding of its rule on that resource, and nothing else.
- Rules whose exemption scope is _resource or namespace_ (the pod-level rules) can also be exempted on the Namespace: the annotation on a Namespace covers every workload in that namespace, on the same cluster (\`rendered/<cluster>/…\`) and only when the Namespace is among the checked files.
- \`gitops policy\` lists every exemption in force (rule, resource, file:line, reason) after the findings.

## How the Pod Security rules fit together

- \`pss-baseline\` checks the Pod Security Standard baseline; \`pss-restricted\` checks only what restricted adds to it. A pod meets restricted when both pass, and each problem is reported once.
- A Namespace states its level in the \`pod-security.kubernetes.io/*\` labels, which the API server enforces; \`namespace-pod-security-labels\` makes the labels and the exemptions agree: a \`baseline\` namespace is exempt from \`pss-restricted\`, a \`privileged\` one from both, each with its reason, and a namespace is never exempt from a level it enforces.
- Both are judged at the Pod Security version the workload's namespace pins: see [Pod Security versions](#pod-security-versions).
- \`host-access\` (host paths and host namespaces) is silent where \`pss-baseline\` is in force, because baseline already reports those fields. Where \`pss-baseline\` is exempted, \`host-access\` still applies: a namespace made \`privileged\` for Docker-in-Docker builds does not thereby allow mounting the node's filesystem. Node agents that read the node carry a \`host-access\` exemption of their own.
`;

/** docs/policy.md, generated from the rule metadata so the reference cannot drift from the code. */
export function renderPolicyDocs(areas: readonly RuleArea[] = ruleAreas): string {
  const index = areas.flatMap((area) =>
    area.rules.map(
      (rule) => `- [\`${rule.id}\`](#${rule.id}) (${rule.severity}): ${rule.rationale}`,
    ),
  );
  const sections = areas.map((area) =>
    [`## ${area.title}`, '', ...area.rules.map(ruleSection)].join('\n'),
  );
  const rules = areas.flatMap((area) => area.rules);
  return (
    [
      introduction,
      podSecurityVersionsSection(),
      admissionSection(rules),
      '## Rules',
      '',
      ...index,
      '',
      ...sections,
    ]
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

function ruleSection(rule: PolicyRule): string {
  const facts = [
    `- **Severity:** ${rule.severity}`,
    `- **Applies to:** ${appliesTo(rule)}`,
    `- **Exemption:** ${exemptionScopes[rule.exemption]}`,
    `- **At admission:** ${admissionScope(rule)}`,
    ...(rule.defersTo
      ? [`- **Silent while in force:** \`${rule.defersTo}\` (which reports the same fields)`]
      : []),
  ];
  return [
    `### \`${rule.id}\``,
    '',
    ...facts,
    '',
    `**Why.** ${rule.rationale}`,
    '',
    '**What it checks.**',
    '',
    rule.checks,
    '',
    `**How to fix.** ${rule.fix}`,
    '',
    `**How to exempt.** ${howToExempt(rule)}`,
    '',
  ].join('\n');
}

function appliesTo(rule: PolicyRule): string {
  if (rule.input === 'document') return 'every manifest and Helm values file';
  if (rule.appliesTo === 'every-resource') return 'every resource';
  return rule.appliesTo
    .map((kind) => (kind.group ? `${kind.kind} (${kind.group})` : kind.kind))
    .join(', ');
}

function howToExempt(rule: PolicyRule): string {
  const annotation = `\`${policyExemptionAnnotation(rule.id)}: <reason>\``;
  const text =
    rule.exemption === 'none'
      ? 'Cannot be exempted.'
      : rule.exemption === 'resource'
        ? `Annotate the resource with ${annotation}.`
        : `Annotate the workload with ${annotation}, or its Namespace to cover every workload in that namespace.`;
  return rule.exemptionNote ? `${text} ${rule.exemptionNote}` : text;
}
