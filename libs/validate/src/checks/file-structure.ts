import { parseHelmValuesHeader, type Finding, type ParsedFile } from '@platform/manifests';
import { checkLabelsAndAnnotations } from './label-and-annotation-check';
import { checkObjectName } from './object-name-check';
import { checkObjectSize, mayExceedObjectSize } from './object-size-check';
import { checkHelmValuesFile } from './helm-values-check';
import type { IdentifiedResource } from './resources/identified-resource';
import { listWrapperFindings, resourceEntries } from './resources/resource-entry';
import { readTypeMeta } from './resources/type-meta';
import type { SchemaLookup } from './validation-context';
import type { SourceFile } from './source-file';

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

/** The structural checks of one parsed file, in the order the file reads. */
export function checkFileStructure(
  file: SourceFile,
  parsed: ParsedFile,
  catalog: SchemaLookup,
): FileStructure {
  const findings: Finding[] = [...parsed.findings];
  const header = parseHelmValuesHeader(file.content);
  if (header) {
    findings.push(...checkHelmValuesFile(file.path, file.content, header, parsed, catalog));
    return { findings, resources: [], isResourceFile: false, resourceCount: 1, helmValues: 1 };
  }
  const resources: IdentifiedResource[] = [];
  let resourceCount = 0;
  const measureSize = mayExceedObjectSize(file.content, parsed.usesAliases === true);
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
