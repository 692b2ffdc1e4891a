import { argoCdFixes } from './argo-cd-fixes';
import { karpenterFixes } from './karpenter-fixes';
import type { ModelPackageFixes } from './schema-fix';

/** Every reviewed fix, one list per model package. See schema-fix.ts for what a fix may do. */
export const schemaFixes: ModelPackageFixes[] = [argoCdFixes, karpenterFixes];
