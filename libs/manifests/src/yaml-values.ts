import { boolYaml11Tag, CORE_SCHEMA, loadAll, mergeTag, YAMLException } from 'js-yaml';

/**
 * How Kubernetes' YAML reader (sigs.k8s.io/yaml over go-yaml v2) reads scalars: the YAML 1.2 core
 * schema, except that YAML 1.1 booleans (`yes`, `no`, `on`, `off`, `y`, `n` in any common case)
 * are booleans, and `<<` merge keys are honoured. A value written `on` that this repository reads
 * as a string would reach the API server as `true`; reading it the same way keeps the checks honest.
 */
export const kubernetesYamlSchema = CORE_SCHEMA.withTags(boolYaml11Tag, mergeTag);

export interface ValuesProblem {
  line: number;
  column: number;
  message: string;
  rule: 'yaml' | 'duplicate-key';
}

export interface ValuesResult {
  /** One value per document, in order (`null` for an empty document). */
  values: unknown[];
  problem?: ValuesProblem;
}

/** Reads every document's value with js-yaml; duplicate keys and syntax errors become a problem. */
export function readValues(content: string): ValuesResult {
  try {
    return { values: loadAll(content, { schema: kubernetesYamlSchema, maxAliases: 100 }) };
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const mark = (error as YAMLException & { mark?: { line: number; column: number } }).mark;
    return {
      values: [],
      problem: {
        line: (mark?.line ?? 0) + 1,
        column: (mark?.column ?? 0) + 1,
        message: `YAML: ${error.reason ?? error.message.split('\n')[0]}`,
        rule: /duplicat/i.test(error.message) ? 'duplicate-key' : 'yaml',
      },
    };
  }
}

/** Whether a text may use anchors or aliases, whose expansion must be bounded before use. */
export function mayUseAliases(content: string): boolean {
  return /(^|[\s[{,:-])[&*][^\s,\]}]/m.test(content);
}
