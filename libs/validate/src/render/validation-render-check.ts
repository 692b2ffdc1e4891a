import { formatFinding } from '@platform/manifests';
import { validateFiles } from '../engine/validate-files';
import type { SourceFile } from '../engine/source-file';

/** Same shape as CheckProblem in tools/gitops (kept structural so this library does not depend on the CLI). */
export interface RenderCheckProblem {
  text: string;
  severity: 'error' | 'warning';
}

/**
 * A render check (tools/gitops RenderCheck): validates the in-memory render before anything is
 * written. Always the embedded engine, so every render is checked the same way, offline.
 */
export function validationRenderCheck(files: readonly SourceFile[]): RenderCheckProblem[] {
  return validateFiles(files).findings.map((finding) => ({ text: formatFinding(finding), severity: finding.severity }));
}
