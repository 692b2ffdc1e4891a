import type { RenderCheck } from '../render/render-pipeline';

/** The checks every render runs before writing. */
export function renderChecks(): RenderCheck[] {
  return [];
}
