import { re2Library } from '../cel/cel-library';

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
