import type { Finding } from '@platform/manifests';
import { validateFiles } from '../engine/validate-files';
import type { SourceFile } from '../engine/source-file';

/**
 * A render check (tools/gitops RenderCheck): validates the in-memory render before anything is
 * written. Always the embedded engine, so every render is checked the same way, offline.
 */
export function validationRenderCheck(
  files: readonly SourceFile[],
  crdSources: readonly SourceFile[] = [],
): Finding[] {
  return validateFiles(files, { crdSources }).findings;
}
