import type { JsonSchema } from '../../checks/schema-model/schema-set';
import { notEvaluatedReason } from './cel-environment';
import type { CrdVersionSchema } from '../../checks/custom-resources/crd-versions';
import type { SourceFile } from '../../checks/source-file';
import { crdVersionsOfFiles } from '../schema-catalog/crd-files';
import { rulesOf } from './cel-rules';

/** One CEL rule of a rendered CRD and whether `gitops validate` evaluates it. */
export interface CelRuleCoverage {
  /** `karpenter.sh/v1/NodePool` */
  key: string;
  /** Where the rule sits: `spec.template.spec.requirements[]`, `(root)` for the whole object. */
  path: string;
  rule: string;
  evaluated: boolean;
  /** Why not, when not. */
  reason?: string;
}

/** Every CEL rule of the given CRD versions, in schema order, with its evaluation status. */
export function celRuleCoverage(versions: readonly CrdVersionSchema[]): CelRuleCoverage[] {
  const coverage: CelRuleCoverage[] = [];
  for (const version of versions) {
    const visit = (schema: JsonSchema, path: string) => {
      for (const { rule } of rulesOf(schema)) {
        const reason = notEvaluatedReason(rule);
        coverage.push({
          key: version.key,
          path: path || '(root)',
          rule,
          evaluated: !reason,
          ...(reason ? { reason } : {}),
        });
      }
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      for (const [name, child] of Object.entries(properties))
        visit(child, path ? `${path}.${name}` : name);
      if (typeof schema.items === 'object') visit(schema.items as JsonSchema, `${path}[]`);
      if (typeof schema.additionalProperties === 'object')
        visit(schema.additionalProperties as JsonSchema, `${path}[*]`);
    };
    visit(version.openApi, '');
  }
  return coverage;
}

/** The CEL coverage of the CRDs among some files, for `gitops validate --explain-coverage`. */
export function celCoverageOfFiles(files: readonly SourceFile[]): CelRuleCoverage[] {
  return celRuleCoverage(crdVersionsOfFiles(files));
}
