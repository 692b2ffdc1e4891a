import { re2Library } from '../cel/cel-library';
import { ecmaScriptEquivalent } from './re2-in-ecmascript';

/**
 * The API server matches a CRD's `pattern` with Go's `regexp` (RE2 syntax: `(?i)`, `\z`, `\pL`,
 * `[[:alpha:]]`; no lookaround, no backreferences; `\s` is ASCII whitespace only), searching the
 * string, not anchoring it. So does this, with @bufbuild/re2 (a port of RE2/J, the engine CEL's
 * `matches()` uses here too). Each pattern is compiled once per process; a pattern in the syntax
 * both engines read alike is then matched by V8's own engine (re2-in-ecmascript.ts).
 */
const compiled = new Map<string, { test(text: string): boolean } | { problem: string }>();

function compiledPattern(pattern: string) {
  let found = compiled.get(pattern);
  if (!found) {
    try {
      const re2 = re2Library().RE2JS.compile(pattern);
      found = ecmaScriptEquivalent(pattern) ?? re2;
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
