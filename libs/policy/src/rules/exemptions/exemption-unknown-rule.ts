import { exemptionAnnotations } from '../../exemption/exemption-annotation';
import type { ResourceRule } from '../policy-rule';

export const exemptionUnknownRule: ResourceRule = {
  id: 'exemption-unknown-rule',
  severity: 'error',
  rationale:
    'A misspelt exemption silences nothing while looking like it does, and a stale one hides what it once excused.',
  checks:
    'Every `policy.platform/exempt.<rule-id>` annotation names a rule that exists and can be exempted (the rules on this page, except the two exemption rules).',
  fix: 'Correct the rule id to one listed on this page, or delete the annotation if the rule it named no longer exists.',
  exemption: 'none',
  input: 'resource',
  appliesTo: 'every-resource',
  check: (resource, context) =>
    exemptionAnnotations(resource)
      .filter((annotation) => !context.exemptibleRuleIds.has(annotation.ruleId))
      .map((annotation) => ({
        path: annotation.path,
        at: 'key' as const,
        message: `exemption names unknown policy rule "${annotation.ruleId}"; rule ids are listed in docs/policy.md`,
      })),
};
