import { parseSourceFile } from '@platform/manifests';
import type { SkippedKind } from '../config/skipped-kinds';
import { combineFileValidations } from '../checks/combine-file-validations';
import type { CrdVersionSchema } from '../checks/custom-resources/crd-versions';
import type { ValidationReport } from '../checks/report/validation-report';
import type { SourceFile } from '../checks/source-file';
import { validateFile, type FileValidation } from '../checks/validate-file';
import type { ValidationContext } from '../checks/validation-context';
import { crdVersionsOfSources } from '../evaluators/schema-catalog/crd-files';
import { validationContext, type Evaluators } from '../evaluators/validation-context';
import { celRuleEvaluator } from '../evaluators/cel/cel-rules';
import { compiledValidatorCache, crdVersionsCache } from './cache-stores';
import {
  resolvedCatalog,
  resolvedCrdSources,
  resolvedSkippedKinds,
  type ValidateOptions,
} from './validate-options';

/** What validation starts from, before any file is read. */
export interface ValidationInputs {
  evaluators: Evaluators;
  skippedKinds: readonly SkippedKind[];
  /** The CRDs of `crdSources` that are not among the validated files (those are read from the files). */
  otherCrdVersions: CrdVersionSchema[];
}

/** `validated`: the paths of the files validated (a set, or a map by path). */
export function validationInputs(
  options: ValidateOptions,
  validated: { has(path: string): boolean },
): ValidationInputs {
  return {
    evaluators: {
      baseCatalog: () => resolvedCatalog(options),
      validatorCache: compiledValidatorCache,
      cel: celRuleEvaluator,
    },
    skippedKinds: resolvedSkippedKinds(options),
    otherCrdVersions: crdVersionsOfSources(
      resolvedCrdSources(options).filter((source) => !validated.has(source.path)),
      crdVersionsCache,
    ),
  };
}

/** The context files are first checked in: the CRDs among them are not known yet. */
export function initialContext(inputs: ValidationInputs): ValidationContext {
  return validationContext(inputs.evaluators, inputs.skippedKinds, inputs.otherCrdVersions);
}

/**
 * The report of files validated one by one, in file order: files with resources of a kind a CRD
 * among them defines are checked again against it (the CRD may sort after them), then duplicates
 * across files are found. `readSource` gives a file's text again for those rare cases.
 */
export function finishValidation(
  validations: readonly FileValidation[],
  inputs: ValidationInputs,
  readSource: (path: string) => SourceFile,
): ValidationReport {
  const sources = new Map<string, SourceFile>();
  const source = (path: string) => {
    let file = sources.get(path);
    if (!file) sources.set(path, (file = readSource(path)));
    return file;
  };
  const discovered = validations.flatMap((validation) => validation.crdVersions);
  const results = discovered.length === 0 ? validations : recheck(validations, inputs, source);
  return combineFileValidations(results, inputs.otherCrdVersions, source);
}

/** Validates again, against every CRD, the files with resources of a kind a validated file defines. */
function recheck(
  validations: readonly FileValidation[],
  inputs: ValidationInputs,
  source: (path: string) => SourceFile,
): FileValidation[] {
  const discovered = validations.flatMap((validation) => validation.crdVersions);
  const context = validationContext(inputs.evaluators, inputs.skippedKinds, [
    ...discovered,
    ...inputs.otherCrdVersions,
  ]);
  const keys = new Set(discovered.map((version) => version.key));
  return validations.map((validation) => {
    if (!validation.schemaKeys.some((key) => keys.has(key))) return validation;
    const file = source(validation.file);
    return validateFile(file, parseSourceFile(file), context);
  });
}
