import {
  parseHelmValuesHeader,
  parseSourceFile,
  type Finding,
  type ParsedFile,
} from '@platform/manifests';
import { checkLabelsAndAnnotations } from '../checks/label-and-annotation-check';
import { checkObjectName } from '../checks/object-name-check';
import { checkObjectSize, mayExceedObjectSize } from '../checks/object-size-check';
import {
  duplicateCandidate,
  findDuplicateResources,
  locateCandidateName,
  type DuplicateCandidate,
} from '../checks/duplicate-resource-check';
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

/** The structural checks of one file: everything but the schemas and the duplicates across files. */
export interface FileStructure {
  findings: Finding[];
  resources: IdentifiedResource[];
  /** Holds Kubernetes resources (not Helm values) and parsed without syntax errors. */
  isResourceFile: boolean;
  /** Documents validated: objects (List items one by one), or 1 for a Helm values file. */
  resourceCount: number;
  helmValues: number;
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
  const candidates: DuplicateCandidate[] = [];
  let resourceCount = 0;
  let helmValues = 0;
  for (const file of files) {
    const structure = checkFileStructure(file, parseSourceFile(file), catalog);
    findings.push(...structure.findings);
    resources.push(...structure.resources);
    if (structure.isResourceFile) resourceFiles.push(file);
    resourceCount += structure.resourceCount;
    helmValues += structure.helmValues;
    for (const resource of structure.resources) {
      const candidate = duplicateCandidate(resource);
      if (candidate) candidates.push(candidate);
    }
  }
  const byPath = new Map(files.map((file) => [file.path, file]));
  findings.push(
    ...findDuplicateResources(candidates, (candidate) =>
      locateCandidateName(parseSourceFile(byPath.get(candidate.file)!), candidate),
    ),
  );
  return {
    findings,
    resources,
    resourceFiles,
    counts: { files: files.length, resources: resourceCount, helmValues },
  };
}

/** The structural checks of one parsed file, in the order the file reads. */
export function checkFileStructure(
  file: SourceFile,
  parsed: ParsedFile,
  catalog: SchemaCatalog,
): FileStructure {
  const findings: Finding[] = [...parsed.findings];
  const header = parseHelmValuesHeader(file.content);
  if (header) {
    findings.push(...checkHelmValuesFile(file.path, file.content, header, parsed, catalog));
    return { findings, resources: [], isResourceFile: false, resourceCount: 1, helmValues: 1 };
  }
  const resources: IdentifiedResource[] = [];
  let resourceCount = 0;
  const measureSize = mayExceedObjectSize(file.content);
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
        ...(measureSize ? checkObjectSize(entry) : []),
      );
      resources.push({ entry, typeMeta });
    }
  }
  return {
    findings,
    resources,
    isResourceFile: !parsed.findings.some((f) => f.severity === 'error'),
    resourceCount,
    helmValues: 0,
  };
}
