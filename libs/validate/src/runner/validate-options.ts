import { skippedKinds as configuredSkippedKinds, type SkippedKind } from '../config/skipped-kinds';
import {
  embeddedSchemaCatalog,
  type SchemaCatalog,
} from '../evaluators/schema-catalog/schema-catalog';
import type { SourceFile } from '../checks/source-file';

export interface ValidateOptions {
  /** Schemas to validate against; defaults to the embedded, generated ones. */
  catalog?: SchemaCatalog;
  /** Kinds allowed without a schema; defaults to libs/validate/src/config/skipped-kinds.ts. */
  skippedKinds?: readonly SkippedKind[];
  /**
   * Files outside the ones validated whose CustomResourceDefinitions still supply schemas: a
   * render or check of one app validates its DatadogMonitors against the CRD another app renders.
   * A function is called when they are needed: `gitops validate` reads them once its file reader
   * thread has started.
   */
  crdSources?: readonly SourceFile[] | (() => readonly SourceFile[]);
}

export function resolvedCrdSources(options: ValidateOptions): readonly SourceFile[] {
  const sources = options.crdSources ?? [];
  return typeof sources === 'function' ? sources() : sources;
}

export function resolvedSkippedKinds(options: ValidateOptions): readonly SkippedKind[] {
  const list = options.skippedKinds ?? configuredSkippedKinds;
  const unexplained = list.filter((entry) => entry.reason.trim() === '');
  if (unexplained.length > 0)
    throw new Error(`skipped kinds need a reason: ${unexplained.map((e) => e.kind).join(', ')}`);
  return list;
}

export function resolvedCatalog(options: ValidateOptions): SchemaCatalog {
  return options.catalog ?? embeddedSchemaCatalog();
}
