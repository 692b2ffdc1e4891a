import { parseHelmValuesHeader, parseSourceFile, type Finding } from '@platform/manifests';
import { checkLabelsAndAnnotations } from '../checks/label-and-annotation-check';
import { checkObjectName } from '../checks/object-name-check';
import { checkObjectSize } from '../checks/object-size-check';
import { findDuplicateResources } from '../checks/duplicate-resource-check';
import { checkHelmValuesFile } from '../helm/helm-values-check';
import type { IdentifiedResource } from '../resources/identified-resource';
import { listWrapperFindings, resourceEntries } from '../resources/resource-entry';
import { readTypeMeta } from '../resources/type-meta';
import type { SchemaCatalog } from '../schemas/schema-catalog';
import type { SourceFile } from './source-file';

export interface StructuralCheckResult {
  findings: Finding[];
  /** Resources whose apiVersion and kind are known: the input of a schema check. */
  resources: IdentifiedResource[];
  /** Files that hold Kubernetes resources (not Helm values) and parsed without syntax errors. */
  resourceFiles: SourceFile[];
  counts: { files: number; resources: number; helmValues: number };
}

/**
 * Everything but the resource schemas, shared by both engines: YAML syntax and duplicate keys,
 * apiVersion and kind, names, labels and annotations, duplicate resources across all files, and
 * Helm values files (always checked against the embedded values schemas).
 */
export function runStructuralChecks(
  files: readonly SourceFile[],
  catalog: SchemaCatalog,
): StructuralCheckResult {
  const findings: Finding[] = [];
  const resources: IdentifiedResource[] = [];
  const resourceFiles: SourceFile[] = [];
  let resourceCount = 0;
  let helmValues = 0;
  for (const file of files) {
    const parsed = parseSourceFile(file);
    findings.push(...parsed.findings);
    const header = parseHelmValuesHeader(file.content);
    if (header) {
      helmValues += 1;
      resourceCount += 1;
      findings.push(...checkHelmValuesFile(file.path, file.content, header, parsed, catalog));
      continue;
    }
    if (!parsed.findings.some((f) => f.severity === 'error')) resourceFiles.push(file);
    for (const document of parsed.documents) {
      findings.push(...listWrapperFindings(document));
      for (const entry of resourceEntries(document)) {
        resourceCount += 1;
        const { typeMeta, findings: typeMetaFindings } = readTypeMeta(entry);
        findings.push(...typeMetaFindings);
        if (!typeMeta) continue;
        findings.push(
          ...checkObjectName(entry, typeMeta),
          ...checkLabelsAndAnnotations(entry),
          ...checkObjectSize(entry),
        );
        resources.push({ entry, typeMeta });
      }
    }
  }
  findings.push(...findDuplicateResources(resources));
  return {
    findings,
    resources,
    resourceFiles,
    counts: { files: files.length, resources: resourceCount, helmValues },
  };
}
