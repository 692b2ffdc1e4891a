import { policyExemptionAnnotation } from '@platform/manifests';
import type { KubernetesResource } from '../../document/policy-document';
import type { ResourceRule, RuleViolation } from '../policy-rule';
import {
  podSecurityLabel,
  podSecurityLevels,
  podSecurityModes,
  ruleOfLevel,
  type PodSecurityLevel,
} from './pod-security-standard';

const VERSION = /^(latest|v1\.\d+)$/;

export const namespacePodSecurityLabels: ResourceRule = {
  id: 'namespace-pod-security-labels',
  severity: 'error',
  rationale:
    'An unlabelled namespace on EKS admits privileged pods, and a namespace looser than the policy must say why in review.',
  checks: [
    'Every Namespace:',
    '',
    '- has the labels `pod-security.kubernetes.io/enforce`, `audit` and `warn`, each `privileged`, `baseline` or `restricted`; a `<mode>-version` label, when present, is `latest` or `v1.<minor>`;',
    '- enforcing `baseline` carries the exemption annotation for `pss-restricted`; enforcing `privileged` carries it for `pss-restricted` and `pss-baseline` (the reason itself is checked by `exemption-reason`);',
    '- carries no exemption from a level it enforces: the API server would reject the pods the exemption is meant for.',
  ].join('\n'),
  fix: 'Create namespaces with `addPlatformNamespace` (libs/core), which writes all six labels and, below `restricted`, the exemptions from its `exemptionReason`.',
  exemption: 'resource',
  input: 'resource',
  appliesTo: [{ group: '', kind: 'Namespace' }],
  check: (namespace) => [...labelViolations(namespace), ...exemptionViolations(namespace)],
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
    const versionKey = `${key}-version`;
    const version = namespace.labels[versionKey];
    if (version !== undefined && !(typeof version === 'string' && VERSION.test(version))) {
      violations.push({
        path: ['metadata', 'labels', versionKey],
        message: `${versionKey} is "${String(version)}"; it must be latest or v1.<minor>`,
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
