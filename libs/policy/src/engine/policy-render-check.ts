import { formatFinding } from '@platform/manifests';
import type { PolicyFile } from '../document/policy-document';
import { checkPolicy } from './check-policy';

/** A policy finding as the render pipeline's checks report it (see tools/gitops render-pipeline). */
export interface PolicyCheckProblem {
  text: string;
  severity: 'error' | 'warning';
}

/**
 * Policy as a render check: run over the in-memory render before anything is written, so a
 * violating render never reaches rendered/. Namespace-wide exemptions are only seen for the
 * Namespaces among `files`.
 */
export function policyRenderCheck(files: readonly PolicyFile[]): PolicyCheckProblem[] {
  return checkPolicy(files).findings.map((finding) => ({
    text: formatFinding(finding),
    severity: finding.severity,
  }));
}
