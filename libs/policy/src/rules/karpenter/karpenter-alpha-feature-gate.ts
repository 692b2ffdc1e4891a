import { alphaFeatureGateAnnotation, karpenterFeatureGates } from '@platform/charts';
import { arrayOf, isJsonObject, objectOf, stringOf } from '../../document/json-value';
import { podContainers } from '../../workload/pod-containers';
import { podTemplateOf } from '../../workload/pod-template';
import type { ResourceRule, RuleViolation } from '../policy-rule';

const alphaGates = new Set<string>(
  Object.values(karpenterFeatureGates)
    .filter((g) => g.maturity === 'alpha')
    .map((g) => g.gate),
);

/** `A=true,B=false` → the gates set to true, in order. */
function enabledGates(value: string): string[] {
  return value
    .split(',')
    .map((pair) => pair.trim().split('='))
    .filter(([, on]) => on?.trim() === 'true')
    .map(([gate]) => gate!.trim());
}

export const karpenterAlphaFeatureGate: ResourceRule = {
  id: 'karpenter-alpha-feature-gate',
  severity: 'error',
  rationale:
    'An alpha feature gate runs code its authors may change or drop in any release; turning one on is a decision someone must be able to read, and revisit at the next bump.',
  checks: `Every Karpenter alpha feature gate (${[...alphaGates].map((g) => `\`${g}\``).join(', ')}, from the chart's values) that a Deployment's \`FEATURE_GATES\` sets to \`true\` has a non-empty reason in its pod template's annotation \`${alphaFeatureGateAnnotation('<Gate>')}\`.`,
  fix: `Give the reason beside the gate in the controller's typed values (apps/karpenter/src/controller), which renders the annotation; or turn the gate off.`,
  exemption: 'resource',
  input: 'resource',
  appliesTo: [{ group: 'apps', kind: 'Deployment' }],
  check(resource) {
    const template = podTemplateOf(resource);
    if (!template) return [];
    const annotations = objectOf(template.metadata.annotations);
    const violations: RuleViolation[] = [];
    for (const container of podContainers(template, ['containers'])) {
      arrayOf(container.value.env).forEach((entry, index) => {
        if (!isJsonObject(entry) || entry.name !== 'FEATURE_GATES') return;
        for (const gate of enabledGates(stringOf(entry.value) ?? '')) {
          if (!alphaGates.has(gate)) continue;
          const reason = stringOf(annotations[alphaFeatureGateAnnotation(gate)]);
          if (reason?.trim()) continue;
          violations.push({
            path: [...container.path, 'env', index, 'value'],
            message: `${container.title} turns on the alpha feature gate ${gate} without a reason: annotate the pod template with ${alphaFeatureGateAnnotation(gate)}: <why>`,
          });
        }
      });
    }
    return violations;
  },
};
