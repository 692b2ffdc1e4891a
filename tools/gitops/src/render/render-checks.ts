import { checkPolicy } from '@platform/policy';
import { validationRenderCheck } from '@platform/validate';
import type { RenderCheck } from './render-pipeline';
import { renderedCrdFiles } from '../workspace/rendered-crd-files';

/**
 * The checks every render runs in memory before writing: strict schema validation (always the
 * embedded engine, so renders are checked the same way everywhere, offline; custom resources
 * against the CRDs rendered here, also those of apps outside the render's scope) and policy.
 */
export function renderChecks(root: string): RenderCheck[] {
  const crdSources = renderedCrdFiles(root);
  return [
    (files) => validationRenderCheck(files, crdSources),
    (files) => checkPolicy(files).findings,
  ];
}
