import { exemptionAnnotations } from '../../exemption/exemption-annotation';
import type { ResourceRule } from '../policy-rule';

export const exemptionReason: ResourceRule = {
  id: 'exemption-reason',
  severity: 'error',
  rationale: 'An exemption nobody can explain cannot be reviewed or ever removed.',
  checks:
    'Every `policy.platform/exempt.<rule-id>` annotation has a non-blank value: the reason. An exemption without one is not honoured, so the findings it meant to silence are reported too.',
  fix: 'Write why the rule cannot apply to this resource as the annotation value, in one sentence a reviewer can check (what needs the access, and what limits the risk).',
  exemption: 'none',
  input: 'resource',
  appliesTo: 'every-resource',
  check: (resource) =>
    exemptionAnnotations(resource)
      .filter((annotation) => annotation.reason === '')
      .map((annotation) => ({
        path: annotation.path,
        message: `exemption from ${annotation.ruleId} has no reason; the annotation value must say why the rule does not apply`,
      })),
};
