import type { Finding } from '@platform/manifests';
import { jsonTypeName } from './schema-errors/json-type-name';
import { entryFinding, type ResourceEntry } from './resources/resource-entry';
import { labelValueProblems, qualifiedNameProblems } from './kubernetes-name-formats';
import { stringExpectedHint } from './schema-errors/string-expected-hint';

/** ValidateAnnotations: all keys and values of an object's annotations together. */
export const totalAnnotationSizeLimitBytes = 256 * 1024;

/**
 * Labels and annotations are string maps. YAML turns `version: 1.0` or `enabled: true` into a
 * number or boolean, which the API server rejects, so non-string values are reported with a fix.
 * Label keys and values, and annotation keys, must have Kubernetes' formats.
 */
export function checkLabelsAndAnnotations(entry: ResourceEntry): Finding[] {
  const metadata = (entry.value as { metadata?: unknown }).metadata;
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) return [];
  const { labels, annotations } = metadata as Record<string, unknown>;
  return [...checkMap(entry, 'labels', labels), ...checkMap(entry, 'annotations', annotations)];
}

/** Paths these checks already report, so the schema check does not repeat them. */
export function isMetadataMapValuePath(path: readonly (string | number)[]): boolean {
  return (
    path.length === 3 &&
    path[0] === 'metadata' &&
    (path[1] === 'labels' || path[1] === 'annotations')
  );
}

function checkMap(entry: ResourceEntry, field: 'labels' | 'annotations', map: unknown): Finding[] {
  if (map === null || map === undefined || typeof map !== 'object' || Array.isArray(map)) return [];
  const noun = field === 'labels' ? 'label' : 'annotation';
  const findings: Finding[] = [];
  let totalSize = 0;
  for (const [key, value] of Object.entries(map as Record<string, unknown>)) {
    const path = ['metadata', field, key];
    // Annotation keys are checked lowercased, as ValidateAnnotations does.
    for (const problem of qualifiedNameProblems(
      field === 'annotations' ? key.toLowerCase() : key,
    )) {
      findings.push(
        entryFinding(entry, {
          path,
          part: 'key',
          message: `${noun} key ${JSON.stringify(key)}: ${problem}`,
          rule: field,
        }),
      );
    }
    if (typeof value !== 'string') {
      const hint = stringExpectedHint(value);
      findings.push(
        entryFinding(entry, {
          path,
          message: `${noun} value must be a string, got ${jsonTypeName(value)}${hint}`,
          rule: field,
        }),
      );
      continue;
    }
    if (field === 'annotations') totalSize += Buffer.byteLength(key) + Buffer.byteLength(value);
    else {
      for (const problem of labelValueProblems(value)) {
        findings.push(
          entryFinding(entry, {
            path,
            message: `label value ${JSON.stringify(value)} ${problem}`,
            rule: field,
          }),
        );
      }
    }
  }
  if (field === 'annotations' && totalSize > totalAnnotationSizeLimitBytes) {
    findings.push(
      entryFinding(entry, {
        path: ['metadata', 'annotations'],
        part: 'key',
        message: `annotations total ${totalSize} bytes; Kubernetes allows at most ${totalAnnotationSizeLimitBytes}`,
        rule: field,
      }),
    );
  }
  return findings;
}
