import { jsonPointerToPath, type Finding } from '@platform/manifests';
import type { IdentifiedResource } from '../../checks/resources/identified-resource';
import { entryFinding } from '../../checks/resources/resource-entry';
import type { SourceFile } from '../../checks/source-file';
import type { KubeconformOutput, KubeconformResourceResult } from './kubeconform-output';
import { rewordKubeconformMessage } from './kubeconform-messages';

/**
 * Turns kubeconform's results into the same findings as the embedded engine: each result is
 * matched to the parsed resource it describes (same file, apiVersion, kind and name, in order),
 * so every finding gets its line and column from the YAML source.
 */
export function kubeconformFindings(
  output: KubeconformOutput,
  /** kubeconform's filename (the path it was given) → the file it stands for. */
  filesByArgument: ReadonlyMap<string, SourceFile>,
  resources: readonly IdentifiedResource[],
): Finding[] {
  const unmatched = [...resources];
  const findings: Finding[] = [];
  for (const result of output.resources) {
    if (result.status !== 'statusInvalid' && result.status !== 'statusError') continue;
    const file = filesByArgument.get(result.filename);
    const index = unmatched.findIndex(
      (resource) =>
        resource.entry.document.file === file?.path &&
        resource.typeMeta.kind === result.kind &&
        resource.typeMeta.apiVersion === result.version &&
        (resource.entry.value as { metadata?: { name?: unknown } }).metadata?.name === result.name,
    );
    if (index < 0) {
      findings.push(unlocatedFinding(result, file?.path ?? result.filename));
      continue;
    }
    const [resource] = unmatched.splice(index, 1);
    findings.push(...resultFindings(result, resource!));
  }
  return findings;
}

function resultFindings(
  result: KubeconformResourceResult,
  resource: IdentifiedResource,
): Finding[] {
  const { entry } = resource;
  if (!result.validationErrors?.length) {
    const missingSchema = /could not find schema/i.test(result.msg);
    return [
      entryFinding(entry, {
        path: ['kind'],
        message: `kubeconform: ${result.msg}`,
        rule: missingSchema ? 'schema-missing' : 'schema',
      }),
    ];
  }
  return result.validationErrors.flatMap((error) => {
    const path = jsonPointerToPath(error.path, entry.value);
    return rewordKubeconformMessage(error.msg).map((reworded) => {
      const fieldPath = reworded.field === undefined ? path : [...path, reworded.field];
      const missing = reworded.message.startsWith('missing required field');
      return entryFinding(entry, {
        path: fieldPath,
        locatePath: missing ? path : fieldPath,
        part: reworded.part,
        message: reworded.message,
        rule: 'schema',
      });
    });
  });
}

function unlocatedFinding(result: KubeconformResourceResult, file: string): Finding {
  return {
    file,
    line: 1,
    column: 1,
    resource: `${result.kind || '?'}/${result.name || '?'}`,
    field: '',
    message: `kubeconform: ${result.msg}`,
    severity: 'error',
    rule: 'schema',
  };
}
