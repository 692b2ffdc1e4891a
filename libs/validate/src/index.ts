// @platform/validate: one way to validate (`validate`), what it is given and what it reports.
// Layers (README.md): checks/ (pure) <- evaluators/ (schema catalog, CEL) <- runner/ (how to run).
export {
  validate,
  validationEngines,
  isValidationEngineChoice,
  type ValidationEngineChoice,
  type ValidationOptions,
} from './runner/validate';
export type { ValidateOptions } from './runner/validate-options';
export type { DiskFile } from './runner/disk-file';
export type { SourceFile } from './checks/source-file';
export type { SkippedKind } from './config/skipped-kinds';
export {
  formatValidationSummary,
  type ValidationEngineName,
  type ValidationReport,
  type ValidationSummary,
} from './checks/report/validation-report';

// What `gitops validate --explain-coverage` lists: the CEL rules of the CRDs and whether each runs.
export { celCoverageOfFiles, type CelRuleCoverage } from './evaluators/cel/cel-coverage';

// The schema model and the committed schema files, for the generator in tools/schemas.
export {
  helmValuesSchemaKey,
  resourceSchemaKey,
  type EmbeddedSchemaDocument,
  type JsonSchema,
  type SchemaReference,
  type SchemaSet,
} from './checks/schema-model/schema-set';
export { reachableDefinitions } from './checks/schema-model/reachable-definitions';
export { forEachSubschema, localDefinitionName } from './checks/schema-model/schema-walk';
export { removedApis, type RemovedApi } from './checks/removed-apis';
export { embeddedSchemasUrl } from './evaluators/schema-catalog/embedded-schemas';
export {
  precompiledDigestExport,
  precompiledValidatorsUrl,
  schemaDocumentDigest,
} from './evaluators/schema-catalog/precompiled-validators';
export { createSchemaValidator } from './evaluators/schema-catalog/schema-validator-factory';
