import { policyExemptionAnnotation } from '@platform/manifests';
import type { KubernetesResource } from '../../document/policy-document';
import type { ResourceRule, RuleContext, RuleViolation } from '../policy-rule';
import { labelOfMinor, minorOfLabel } from '../../pod-security-version/kubernetes-minor';
import { oldestModelledMinor } from '../../pod-security-version/standard-changes';
import {
  podSecurityLabel,
  podSecurityLevels,
  podSecurityModes,
  ruleOfLevel,
  type PodSecurityLevel,
} from './pod-security-standard';

export const namespacePodSecurityLabels: ResourceRule = {
  id: 'namespace-pod-security-labels',
  severity: 'error',
  rationale:
    'An unlabelled namespace on EKS admits privileged pods, and a namespace looser than the policy must say why in review.',
  checks: [
    'Every Namespace:',
    '',
    '- has the labels `pod-security.kubernetes.io/enforce`, `audit` and `warn`, each `privileged`, `baseline` or `restricted`;',
    `- has the labels \`pod-security.kubernetes.io/<mode>-version\` for all three modes, each pinned to \`v1.<minor>\` (not \`latest\`, so a cluster upgrade changes the standard only through a reviewed change of the pins), no older than v1.${oldestModelledMinor} and no newer than the cluster's Kubernetes version (the API server would evaluate a newer pin at its own version);`,
    '- enforcing `baseline` carries the exemption annotation for `pss-restricted`; enforcing `privileged` carries it for `pss-restricted` and `pss-baseline` (the reason itself is checked by `exemption-reason`);',
    '- carries no exemption from a level it enforces: the API server would reject the pods the exemption is meant for.',
  ].join('\n'),
  fix: "Create namespaces with `addPlatformNamespace` (libs/core), which writes all six labels, the versions pinned to the cluster's Kubernetes version from the inventory, and, below `restricted`, the exemptions from its `exemptionReason`.",
  exemption: 'resource',
  input: 'resource',
  appliesTo: [{ group: '', kind: 'Namespace' }],
  check: (namespace, context) => [
    ...labelViolations(namespace),
    ...versionViolations(namespace, context),
    ...exemptionViolations(namespace),
  ],
};

function labelViolations(namespace: KubernetesResource): RuleViolation[] {
  const violations: RuleViolation[] = [];
  for (const mode of podSecurityModes) {
    const key = podSecurityLabel(mode);
    const level = namespace.labels[key];
    if (level === undefined) {
      violations.push({
        path: ['metadata', 'labels', key],
        message: `Namespace has no ${key} label`,
      });
    } else if (!isLevel(level)) {
      violations.push({
        path: ['metadata', 'labels', key],
        message: `${key} is "${String(level)}"; it must be ${podSecurityLevels.join(', ')}`,
      });
    }
  }
  return violations;
}

/** Each mode's version pinned, within what this engine models and what the cluster runs. */
function versionViolations(namespace: KubernetesResource, context: RuleContext): RuleViolation[] {
  const clusterMinor = context.clusterMinor(namespace.cluster);
  const expected = clusterMinor === undefined ? 'v1.<minor>' : labelOfMinor(clusterMinor);
  const violations: RuleViolation[] = [];
  for (const mode of podSecurityModes) {
    const key = `${podSecurityLabel(mode)}-version`;
    const value = namespace.labels[key];
    const path = ['metadata', 'labels', key];
    const minor = typeof value === 'string' ? minorOfLabel(value) : undefined;
    if (value === undefined) {
      violations.push({ path, message: `Namespace has no ${key} label; pin it to ${expected}` });
    } else if (minor === undefined) {
      violations.push({
        path,
        message: `${key} is "${String(value)}"; pin it to a version like ${expected}, so a cluster upgrade does not change the standard unreviewed`,
      });
    } else if (minor < oldestModelledMinor) {
      violations.push({
        path,
        message: `${key} is ${String(value)}; versions before ${labelOfMinor(oldestModelledMinor)} are not modelled by this policy`,
      });
    } else if (clusterMinor !== undefined && minor > clusterMinor) {
      violations.push({
        path,
        message: `${key} is ${String(value)} but the cluster runs ${expected}, which evaluates it as ${expected}`,
      });
    }
  }
  return violations;
}

/** The exemptions a namespace needs, and may have, follow from the level it enforces. */
function exemptionViolations(namespace: KubernetesResource): RuleViolation[] {
  const enforced = namespace.labels[podSecurityLabel('enforce')];
  if (!isLevel(enforced)) return [];
  const violations: RuleViolation[] = [];
  for (const level of ['restricted', 'baseline'] as const) {
    const key = policyExemptionAnnotation(ruleOfLevel[level]);
    const exempt = namespace.annotations[key] !== undefined;
    const below = podSecurityLevels.indexOf(enforced) < podSecurityLevels.indexOf(level);
    if (below && !exempt) {
      violations.push({
        path: ['metadata', 'annotations', key],
        message: `Namespace enforces Pod Security "${enforced}" but has no ${key} annotation saying why it cannot be ${level}`,
      });
    } else if (!below && exempt) {
      violations.push({
        path: ['metadata', 'annotations', key],
        message: `Namespace is exempt from ${ruleOfLevel[level]} but enforces "${enforced}", so the API server rejects the pods the exemption is for`,
      });
    }
  }
  return violations;
}

function isLevel(value: unknown): value is PodSecurityLevel {
  return typeof value === 'string' && (podSecurityLevels as readonly string[]).includes(value);
}
