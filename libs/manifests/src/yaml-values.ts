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
  /** The text uses aliases: their expansion must be bounded before the values are walked. */
  usesAliases?: boolean;
}

const ALIASES_EXCEEDED = /exceeded maxAliases/;

/** Reads every document's value with js-yaml; duplicate keys and syntax errors become a problem. */
export function readValues(content: string): ValuesResult {
  try {
    // Most manifests use no alias: read them with none allowed, and only retry (and flag) if needed.
    return { values: loadAll(content, { schema: kubernetesYamlSchema, maxAliases: 0 }) };
  } catch (error) {
    if (!(error instanceof YAMLException) || !ALIASES_EXCEEDED.test(error.message))
      return failed(error);
  }
  try {
    const values = loadAll(content, { schema: kubernetesYamlSchema, maxAliases: 100 });
    return { values, usesAliases: true };
  } catch (error) {
    return failed(error);
  }
}

/** A js-yaml exception as a located problem; anything else is a bug and is rethrown. */
function failed(error: unknown): ValuesResult {
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
