import type { SkippedKind } from '../config/skipped-kinds';
import type { CrdVersionSchema } from '../checks/custom-resources/crd-versions';
import type { CelEvaluator, ValidationContext } from '../checks/validation-context';
import { crdSchemaSet } from './schema-catalog/crd-schema-set';
import type { CompiledValidatorCache } from './schema-catalog/compiled-validator-cache';
import { kubernetesPatternProblem } from './schema-catalog/kubernetes-pattern-match';
import type { SchemaCatalog } from './schema-catalog/schema-catalog';

/** The evaluators a validation context is made of, with the caches the caller gave them. */
export interface Evaluators {
  /** The schemas of built-in kinds and charts; called when first needed. */
  baseCatalog(): SchemaCatalog;
  /** Where validators compiled from CRD schemas are kept between runs, if anywhere. */
  validatorCache?: CompiledValidatorCache;
  cel: CelEvaluator;
}

const crdPatterns = { problem: kubernetesPatternProblem };

/**
 * The context of some CRD versions, in priority order: the first version of a key supplies both
 * the schema and the CEL rules, so a resource is never checked against one CRD's schema and
 * another's rules.
 */
export function validationContext(
  evaluators: Evaluators,
  skippedKinds: readonly SkippedKind[],
  crdVersions: readonly CrdVersionSchema[],
): ValidationContext {
  const crdByKey = new Map<string, CrdVersionSchema>();
  for (const version of crdVersions)
    if (!crdByKey.has(version.key)) crdByKey.set(version.key, version);
  const baseCatalog = evaluators.baseCatalog();
  const catalog =
    crdVersions.length > 0
      ? baseCatalog.withFirst(crdSchemaSet(crdVersions), evaluators.validatorCache)
      : baseCatalog;
  return { catalog, skippedKinds, crdByKey, cel: evaluators.cel, patterns: crdPatterns };
}
