import { isJsonObject, valueAtPath } from '../../document/json-value';
import type { ResourceRule, RuleViolation } from '../policy-rule';
import { applicationKind } from './argocd-kinds';

const automatedPath = ['spec', 'syncPolicy', 'automated'];

export const argocdAutomatedSync: ResourceRule = {
  id: 'argocd-automated-sync',
  severity: 'error',
  rationale:
    'Git is only the source of truth if ArgoCD applies it unasked, deletes what left Git and reverts hand edits.',
  checks:
    'Every Application has `spec.syncPolicy.automated` with `prune: true` and `selfHeal: true`, and does not switch it off with `enabled: false`.',
  fix: 'Build the sync policy with `automatedSyncPolicy()` (apps/argocd-root), which sets both flags and the retry backoff.',
  exemption: 'resource',
  input: 'resource',
  appliesTo: applicationKind,
  check(application) {
    const automated = valueAtPath(application.object, automatedPath);
    if (!isJsonObject(automated)) {
      return [
        {
          path: automatedPath,
          message:
            'Application does not sync automatically: set syncPolicy.automated with prune and selfHeal',
        },
      ];
    }
    const violations: RuleViolation[] = [];
    if (automated.enabled === false) {
      violations.push({
        path: [...automatedPath, 'enabled'],
        message: 'Application turns automated sync off (enabled: false)',
      });
    }
    for (const flag of ['prune', 'selfHeal'] as const) {
      if (automated[flag] !== true) {
        violations.push({
          path: [...automatedPath, flag],
          message: `Application must set syncPolicy.automated.${flag}: true`,
        });
      }
    }
    return violations;
  },
};
