import { helmValuesHeaderPrefix, type Finding, type ParsedFile } from '@platform/manifests';
import { entryFinding, type ResourceEntry } from './resources/resource-entry';
import type { SchemaLookup } from './validation-context';
import { schemaViolations } from './schema-errors/schema-violations';

export interface HelmValuesHeader {
  chart: string;
  version: string;
}

/**
 * A rendered Helm values file (`# helm-values: chart=X version=Y`) is checked against the closed
 * schema of that chart version: Helm itself ignores unknown keys, so a typo would silently do
 * nothing. A chart or version without a schema is an error.
 */
export function checkHelmValuesFile(
  file: string,
  content: string,
  header: HelmValuesHeader,
  parsed: ParsedFile,
  catalog: SchemaLookup,
): Finding[] {
  const label = `HelmValues/${header.chart}`;
  const validate = catalog.helmValues(header.chart, header.version);
  if (!validate) {
    const known = catalog.helmValuesKeys().filter((key) => key.startsWith(`${header.chart}@`));
    return [
      {
        file,
        line: headerLine(content),
        column: 1,
        resource: label,
        field: '',
        message:
          `no values schema for chart ${header.chart} version ${header.version}` +
          (known.length > 0 ? ` (schemas exist for ${known.join(', ')})` : '') +
          ': write or update its values interface in libs/charts and list it in tools/schemas/src/sources/helm-values-models.ts',
        severity: 'error',
        rule: 'helm-values',
      },
    ];
  }
  const [document, ...extra] = parsed.documents;
  const findings: Finding[] = extra.map((more) => ({
    file,
    ...more.locate([]),
    resource: label,
    field: '',
    message: 'a Helm values file must hold a single YAML document',
    severity: 'error' as const,
    rule: 'helm-values',
  }));
  if (!document) return findings;
  const entry: ResourceEntry = { document, basePath: [], value: document.value, label };
  for (const violation of schemaViolations(validate, document.value))
    findings.push(entryFinding(entry, { ...violation, rule: 'helm-values' }));
  return findings;
}

function headerLine(content: string): number {
  const index = content.split('\n').findIndex((line) => line.startsWith(helmValuesHeaderPrefix));
  return index + 1;
}
