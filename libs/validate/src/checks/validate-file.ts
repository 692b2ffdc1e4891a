import type { Finding, ParsedFile } from '@platform/manifests';
import { checkResourceSchema } from './resource-schema-check';
import { duplicateCandidate, type DuplicateCandidate } from './duplicate-resource-check';
import { celFindings } from './custom-resources/cel-check';
import { crdPatternFindings } from './custom-resources/crd-pattern-check';
import { renderedCrdVersions, type CrdVersionSchema } from './custom-resources/crd-versions';
import { resourceSchemaKey } from './schema-model/schema-set';
import type { SourceFile } from './source-file';
import { checkFileStructure } from './file-structure';
import type { ValidationContext } from './validation-context';

/**
 * Everything validation learns from one file, as plain data: what a worker thread sends back, and
 * all that is kept of the file once it is checked (its text and values can then be dropped).
 */
export interface FileValidation {
  file: string;
  /** Every finding of the file, but duplicates across files. */
  findings: Finding[];
  resources: number;
  helmValues: number;
  skipped: number;
  /** The `apiVersion/kind` of each resource checked: which files a CRD found later affects. */
  schemaKeys: string[];
  duplicateCandidates: DuplicateCandidate[];
  /** The served versions of the CRDs this file defines. */
  crdVersions: CrdVersionSchema[];
}

/** Validates one parsed file: structure, then each resource's schema and the CRD's CEL rules. */
export function validateFile(
  file: SourceFile,
  parsed: ParsedFile,
  context: ValidationContext,
): FileValidation {
  const structure = checkFileStructure(file, parsed, context.catalog);
  const findings = structure.findings;
  const schemaKeys = new Set<string>();
  const duplicateCandidates: DuplicateCandidate[] = [];
  let skipped = 0;
  for (const resource of structure.resources) {
    const key = resourceSchemaKey(resource.typeMeta.apiVersion, resource.typeMeta.kind);
    schemaKeys.add(key);
    const result = checkResourceSchema(resource, context.catalog, context.skippedKinds);
    findings.push(...result.findings, ...crdPatternFindings(resource, context.patterns));
    if (result.skipped) skipped += 1;
    const crd = context.crdByKey.get(key);
    // CEL rules run on objects that fit the schema, as the API server runs them.
    if (crd && result.findings.length === 0)
      findings.push(...celFindings(resource, crd, context.cel));
    const candidate = duplicateCandidate(resource);
    if (candidate) duplicateCandidates.push(candidate);
  }
  return {
    file: file.path,
    findings,
    resources: structure.resourceCount,
    helmValues: structure.helmValues,
    skipped,
    schemaKeys: [...schemaKeys],
    duplicateCandidates,
    crdVersions: renderedCrdVersions(structure.resources),
  };
}
