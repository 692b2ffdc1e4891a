import { formatFinding, type Finding, counted } from '@platform/manifests';
import type { ExemptionInForce, PolicyCounts } from '../engine/policy-report';

/** `formatFinding`, then the rule id (what an exemption would name) and, for warnings, the severity. */
export function formatPolicyFinding(finding: Finding): string {
  return `${formatFinding(finding)}  [${finding.rule}${finding.severity === 'warning' ? ', warning' : ''}]`;
}

/** `file:line  kind/namespace/name  exempt from <rule>: <reason>` */
export function formatExemption(exemption: ExemptionInForce): string {
  return `${exemption.file}:${exemption.line}  ${exemption.resource}  exempt from ${exemption.rule}: ${exemption.reason}`;
}

/** `policy: 16 files, 15 resources, 0 errors, 0 warnings, 4 exemptions` */
export function formatPolicySummary(counts: PolicyCounts): string {
  return `policy: ${[
    counted(counts.files, 'file'),
    counted(counts.resources, 'resource'),
    counted(counts.errors, 'error'),
    counted(counts.warnings, 'warning'),
    counted(counts.exemptions, 'exemption'),
  ].join(', ')}`;
}
