import { checkPolicy } from '@platform/policy';
import { validationRenderCheck } from '@platform/validate';
import type { RenderCheck } from '../render/render-pipeline';

/**
 * The checks every render runs in memory before writing: strict schema validation (always the
 * embedded engine, so renders are checked the same way everywhere, offline) and policy.
 */
export function renderChecks(): RenderCheck[] {
  return [validationRenderCheck, (files) => checkPolicy(files).findings];
}
