import { parseSourceFile, type Finding } from '@platform/manifests';
import { findSkippedKind } from '../../config/skipped-kinds';
import {
  duplicateCandidate,
  findDuplicateResources,
  locateCandidateName,
  type DuplicateCandidate,
} from '../../checks/duplicate-resource-check';
import { checkFileStructure } from '../../checks/file-structure';
import {
  buildValidationReport,
  type ValidationReport,
} from '../../checks/report/validation-report';
import type { IdentifiedResource } from '../../checks/resources/identified-resource';
import type { SourceFile } from '../../checks/source-file';
import { resolvedCatalog, resolvedSkippedKinds, type ValidateOptions } from '../validate-options';
import { runKubeconform } from './run-kubeconform';

/**
 * The kubeconform way of `validate`: kubeconform checks the resource schemas; everything else
 * (YAML, names, labels, duplicates, Helm values against the embedded schemas) is this library's
 * own checks, as with the embedded engine.
 */
export async function validateWithKubeconform(
  files: readonly SourceFile[],
  binary: string,
  options: ValidateOptions,
): Promise<ValidationReport> {
  const catalog = resolvedCatalog(options);
  const skippedKinds = resolvedSkippedKinds(options);
  const structural = structuralChecks(files, options);
  const skip = structural.resources
    .map(({ typeMeta }) => typeMeta)
    .filter(
      (t) =>
        !catalog.hasResource(t.apiVersion, t.kind) &&
        findSkippedKind(skippedKinds, t.apiVersion, t.kind),
    )
    .map((t) => `${t.apiVersion}/${t.kind}`);
  const schemaFindings = await runKubeconform({
    binary,
    files: structural.resourceFiles,
    resources: structural.resources,
    catalog,
    skip,
  });
  return buildValidationReport(
    [...structural.findings, ...schemaFindings],
    { ...structural.counts, skipped: skip.length },
    'kubeconform',
  );
}

interface StructuralCheckResult {
  findings: Finding[];
  /** Resources whose apiVersion and kind are known: the input of a schema check. */
  resources: IdentifiedResource[];
  /** Files that hold Kubernetes resources (not Helm values) and parsed without syntax errors. */
  resourceFiles: SourceFile[];
  counts: { files: number; resources: number; helmValues: number };
}

/** Everything but the resource schemas, and the duplicate resources across all files. */
function structuralChecks(
  files: readonly SourceFile[],
  options: ValidateOptions,
): StructuralCheckResult {
  const catalog = resolvedCatalog(options);
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
