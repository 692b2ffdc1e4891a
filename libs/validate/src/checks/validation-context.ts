import type { ValidateFunction } from 'ajv';
import type { FieldPath } from '@platform/manifests';
import type { SkippedKind } from '../config/skipped-kinds';
import type { CrdVersionSchema } from './custom-resources/crd-versions';
import type { JsonSchema } from './schema-model/schema-set';

/**
 * The schemas checks look up, by `apiVersion/kind` or `chart@version` (the schema catalog of the
 * layer above implements it): a compiled validator, or undefined when there is no schema.
 */
export interface SchemaLookup {
  resource(apiVersion: string, kind: string): ValidateFunction | undefined;
  helmValues(chart: string, version: string): ValidateFunction | undefined;
  /** Every `apiVersion/kind` with a schema: what a message suggests instead of a missing one. */
  resourceKeys(): string[];
  /** Every `chart@version` with a values schema. */
  helmValuesKeys(): string[];
}

/** A CEL rule a value breaks, and where. */
export interface CelViolation {
  path: FieldPath;
  message: string;
}

/** Evaluates a CRD version's CEL rules (`x-kubernetes-validations`) against a custom resource. */
export interface CelEvaluator {
  violations(openApi: JsonSchema, value: unknown): CelViolation[];
}

/** Whether a CRD's `pattern` is a regular expression the API server accepts (Go's RE2). */
export interface PatternSyntax {
  /** Why the pattern is rejected, or undefined when it compiles. */
  problem(pattern: string): string | undefined;
}

/** What a file is validated against: the schemas, the kinds allowed without one, and the CRDs. */
export interface ValidationContext {
  /** The embedded schemas, with the CRD-derived ones searched first when there are CRDs. */
  catalog: SchemaLookup;
  skippedKinds: readonly SkippedKind[];
  /** The CRD whose schema checks a custom resource, by `apiVersion/kind`: its CEL rules apply. */
  crdByKey: ReadonlyMap<string, CrdVersionSchema>;
  cel: CelEvaluator;
  patterns: PatternSyntax;
}
