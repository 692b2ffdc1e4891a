import { createRequire } from 'node:module';
import type { CodeKeywordDefinition, KeywordCxt } from 'ajv';
import type { KeywordErrorCxt } from 'ajv/dist/types';
import type { Code } from 'ajv/dist/compile/codegen';
import {
  isKubernetesFormat,
  kubernetesFormatKeyword,
  kubernetesPatternKeyword,
} from '../../checks/custom-resources/kubernetes-formats';
import { matchesKubernetesPattern } from './kubernetes-pattern-match';

/** ajv's code generation helpers, loaded when a schema is compiled (never on a cached run). */
const codegen = () => createRequire(import.meta.url)('ajv') as typeof import('ajv');

/**
 * A string keyword checked by a function of ours: `check(<keyword's value>, <string>)`. Defined as
 * generated code calling the function by `name`, so validators using it can be written out and
 * loaded again with the function bound to that name (compiled-validator-cache.ts); a keyword
 * given as a JavaScript function cannot be.
 */
function callingKeyword(
  keyword: string,
  name: string,
  check: (schemaValue: string, text: string) => boolean,
  error: (codegen: typeof import('ajv')) => {
    message: (cxt: KeywordErrorCxt) => Code;
    params: (cxt: KeywordErrorCxt) => Code;
  },
): { definition: CodeKeywordDefinition; name: string; check: typeof check; identity: string[] } {
  const definition: CodeKeywordDefinition = {
    keyword,
    type: 'string',
    schemaType: 'string',
    code(cxt: KeywordCxt) {
      const { _, Name } = codegen();
      const call = cxt.gen.scopeValue('func', { ref: check, code: new Name(name) });
      cxt.fail(_`!${call}(${cxt.schemaCode}, ${cxt.data})`);
    },
    error: {
      message: (cxt) => error(codegen()).message(cxt),
      params: (cxt) => error(codegen()).params(cxt),
    },
  };
  // What the generated code depends on: cached validators are named by it.
  const identity = [keyword, name, String(callingKeyword), String(error)];
  return { definition, name, check, identity };
}

/** The keywords CRD-derived schemas use beyond JSON Schema's. */
const customKeywords = [
  // `kubernetesFormat: <name>`: a string format checked the way the API server checks it.
  callingKeyword(
    kubernetesFormatKeyword,
    'isKubernetesFormat',
    isKubernetesFormat,
    ({ _, str }) => ({
      message: ({ schemaCode, data }) =>
        str`must be a valid ${schemaCode} (got ${_`JSON.stringify(${data})`})`,
      params: ({ schemaCode }) => _`{format: ${schemaCode}}`,
    }),
  ),
  // `kubernetesPattern: <pattern>`: a `pattern` matched as the API server matches it (RE2), with
  // ajv's own `pattern` error (message and params), so findings read the same.
  callingKeyword(
    kubernetesPatternKeyword,
    'matchesKubernetesPattern',
    matchesKubernetesPattern,
    ({ _, str }) => ({
      message: ({ schemaCode }) => str`must match pattern "${schemaCode}"`,
      params: ({ schemaCode }) => _`{pattern: ${schemaCode}}`,
    }),
  ),
];

export const customKeywordDefinitions = customKeywords.map((keyword) => keyword.definition);

/** Everything the code generated for them depends on (the compiled-validator cache's key). */
export const customKeywordIdentity = customKeywords.flatMap((keyword) => keyword.identity);

/** What generated code using them calls, by the names it calls them. */
export const customKeywordBindings: Record<string, unknown> = Object.fromEntries(
  customKeywords.map((keyword) => [keyword.name, keyword.check]),
);
