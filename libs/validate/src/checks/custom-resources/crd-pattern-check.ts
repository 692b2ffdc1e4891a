import type { FieldPath, Finding } from '@platform/manifests';
import type { IdentifiedResource } from '../resources/identified-resource';
import { entryFinding } from '../resources/resource-entry';
import type { PatternSyntax } from '../validation-context';
import { isCustomResourceDefinition } from './crd-versions';

/** Keywords of a CRD schema whose value is one schema, or a list of schemas. */
const schemaKeywords = ['items', 'additionalProperties', 'not'];
const schemaListKeywords = ['allOf', 'anyOf', 'oneOf'];

/**
 * Every `pattern` of a CustomResourceDefinition's schemas that Go's regular expressions reject,
 * located: the API server refuses such a CRD (`must be a valid regular expression`), so it is one
 * finding here, and the CRD's resources are checked without that pattern.
 */
export function crdPatternFindings(
  resource: IdentifiedResource,
  patterns: PatternSyntax,
): Finding[] {
  if (!isCustomResourceDefinition(resource.typeMeta)) return [];
  const versions = (resource.entry.value as { spec?: { versions?: unknown } }).spec?.versions;
  if (!Array.isArray(versions)) return [];
  const findings: Finding[] = [];
  versions.forEach((version, index) => {
    const schema = (version as { schema?: { openAPIV3Schema?: unknown } } | null)?.schema
      ?.openAPIV3Schema;
    visit(schema, ['spec', 'versions', index, 'schema', 'openAPIV3Schema'], (pattern, path) => {
      const problem = patterns.problem(pattern);
      if (problem === undefined) return;
      findings.push(
        entryFinding(resource.entry, {
          path,
          message:
            `pattern ${JSON.stringify(pattern)} must be a valid regular expression, but isn't: ${problem} ` +
            '(the API server matches patterns with Go’s RE2 and refuses this CRD; its resources are checked without this pattern)',
          rule: 'crd-pattern',
        }),
      );
    });
  });
  return findings;
}

function visit(
  node: unknown,
  path: FieldPath,
  onPattern: (pattern: string, path: FieldPath) => void,
) {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
  const schema = node as Record<string, unknown>;
  if (typeof schema.pattern === 'string') onPattern(schema.pattern, [...path, 'pattern']);
  const properties = schema.properties;
  if (typeof properties === 'object' && properties !== null)
    for (const [name, child] of Object.entries(properties))
      visit(child, [...path, 'properties', name], onPattern);
  for (const keyword of schemaKeywords) visit(schema[keyword], [...path, keyword], onPattern);
  for (const keyword of schemaListKeywords) {
    const list = schema[keyword];
    if (Array.isArray(list))
      list.forEach((child, i) => visit(child, [...path, keyword, i], onPattern));
  }
}
