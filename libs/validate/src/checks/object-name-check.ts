import type { Finding } from '@platform/manifests';
import { entryFinding, type ResourceEntry } from './resources/resource-entry';
import type { TypeMeta } from './resources/type-meta';
import { dns1123LabelProblems } from './kubernetes-name-formats';
import { objectNameRule } from './object-name-rules';

/**
 * metadata.name must be present (or metadata.generateName, which the server completes) and valid
 * for the kind; metadata.namespace, when set, must be a DNS label.
 */
export function checkObjectName(entry: ResourceEntry, typeMeta: TypeMeta): Finding[] {
  const metadata = (entry.value as { metadata?: unknown }).metadata;
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
    if (metadata !== undefined) return []; // wrong type: the schema reports it
    return [
      entryFinding(entry, {
        path: ['metadata'],
        locatePath: [],
        part: 'key',
        message: 'missing required field "metadata"',
        rule: 'object-name',
      }),
    ];
  }
  const { name, generateName, namespace } = metadata as Record<string, unknown>;
  const findings: Finding[] = [];
  const rule = objectNameRule(typeMeta.kind);

  if (typeof name === 'string') {
    const problems = rule.problems(name);
    if (rule.maxLength && name.length > rule.maxLength.length) {
      problems.push(
        `must be no more than ${rule.maxLength.length} characters for a ${typeMeta.kind}: ${rule.maxLength.reason}`,
      );
    }
    for (const problem of problems) {
      findings.push(
        entryFinding(entry, {
          path: ['metadata', 'name'],
          message: `${typeMeta.kind} name ${JSON.stringify(name)} ${problem}`,
          rule: 'object-name',
        }),
      );
    }
  } else if (name === undefined || name === null) {
    if (typeof generateName === 'string' && generateName !== '') {
      // The server appends 5 random characters; the prefix may end with "-".
      for (const problem of rule.problems(`${generateName}x`)) {
        findings.push(
          entryFinding(entry, {
            path: ['metadata', 'generateName'],
            message: `generateName ${JSON.stringify(generateName)} ${problem}`,
            rule: 'object-name',
          }),
        );
      }
    } else {
      findings.push(
        entryFinding(entry, {
          path: ['metadata', 'name'],
          locatePath: ['metadata'],
          part: 'key',
          message: 'missing required field "name"',
          rule: 'object-name',
        }),
      );
    }
  }

  if (typeof namespace === 'string') {
    for (const problem of dns1123LabelProblems(namespace)) {
      findings.push(
        entryFinding(entry, {
          path: ['metadata', 'namespace'],
          message: `namespace ${JSON.stringify(namespace)} ${problem}`,
          rule: 'object-name',
        }),
      );
    }
  }
  return findings;
}
