import type { SkippedKind } from '../config/skipped-kinds';
import type { CrdVersionSchema } from '../crd/crd-schema-set';
import { crdVersionsOfSources } from '../crd/rendered-crds';
import type { SchemaCatalog } from '../schemas/schema-catalog';
import {
  resolvedCatalog,
  resolvedCrdSources,
  resolvedSkippedKinds,
  type ValidateOptions,
} from './validate-options';
import { validationContext, type ValidationContext } from './validation-context';

/** What validation starts from, before any file is read. */
export interface ValidationInputs {
  /** Loaded on first use: with worker threads, the main thread may never need it. */
  baseCatalog(): SchemaCatalog;
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
    baseCatalog: () => resolvedCatalog(options),
    skippedKinds: resolvedSkippedKinds(options),
    otherCrdVersions: crdVersionsOfSources(
      resolvedCrdSources(options).filter((source) => !validated.has(source.path)),
    ),
  };
}

/** The context files are first checked in: the CRDs among them are not known yet. */
export function initialContext(inputs: ValidationInputs): ValidationContext {
  return validationContext(inputs.baseCatalog(), inputs.skippedKinds, inputs.otherCrdVersions);
}
