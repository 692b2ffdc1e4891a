import type { CodeKeywordDefinition, KeywordCxt } from 'ajv';
import { kubernetesPatternKeyword } from '../../checks/custom-resources/kubernetes-formats';
import { re2Library } from '../cel/cel-library';
import { codegen } from './kubernetes-format-keyword';

/**
 * The API server matches a CRD's `pattern` with Go's `regexp` (RE2 syntax: `(?i)`, `\z`, `\pL`,
 * `[[:alpha:]]`; no lookaround, no backreferences; `\s` is ASCII whitespace only), searching the
 * string, not anchoring it. So does this, with @bufbuild/re2 (a port of RE2/J, the engine CEL's
 * `matches()` uses here too). Each pattern is compiled once per process.
 */
const compiled = new Map<string, { test(text: string): boolean } | { problem: string }>();

function compiledPattern(pattern: string) {
  let found = compiled.get(pattern);
  if (!found) {
    try {
      found = re2Library().RE2JS.compile(pattern);
    } catch (error) {
      found = { problem: (error as Error).message };
    }
    compiled.set(pattern, found);
  }
  return found;
}

/** Why RE2 (so the API server) rejects a pattern, in Go's words, or undefined when it compiles. */
export function kubernetesPatternProblem(pattern: string): string | undefined {
  const found = compiledPattern(pattern);
  return 'problem' in found ? found.problem : undefined;
}

/**
 * Whether a string matches a CRD pattern. A pattern RE2 rejects matches everything: the CRD is
 * reported (the API server refuses it), and its resources are checked without it.
 */
export function matchesKubernetesPattern(pattern: string, text: string): boolean {
  const found = compiledPattern(pattern);
  return 'problem' in found || found.test(text);
}

/** The name the match goes by in validators written out as code (compiled-validator-cache.ts). */
export const kubernetesPatternCheckName = 'matchesKubernetesPattern';

/**
 * `kubernetesPattern: <pattern>`: a `pattern` matched as the API server matches it, reported
 * with ajv's own `pattern` error (message and params), so findings read the same. Generated code
 * calling `matchesKubernetesPattern`, so validators using it can be written out and loaded again.
 */
export const kubernetesPatternKeywordDefinition: CodeKeywordDefinition = {
  keyword: kubernetesPatternKeyword,
  type: 'string',
  schemaType: 'string',
  code(cxt: KeywordCxt) {
    const { _, Name } = codegen();
    const match = cxt.gen.scopeValue('func', {
      ref: matchesKubernetesPattern,
      code: new Name(kubernetesPatternCheckName),
    });
    cxt.fail(_`!${match}(${cxt.schemaCode}, ${cxt.data})`);
  },
  error: {
    message: ({ schemaCode }) => codegen().str`must match pattern "${schemaCode}"`,
    params: ({ schemaCode }) => codegen()._`{pattern: ${schemaCode}}`,
  },
};
