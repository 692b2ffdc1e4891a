import { createRequire } from 'node:module';
import type { CodeKeywordDefinition, KeywordCxt } from 'ajv';
import {
  kubernetesFormatKeyword,
  kubernetesStringFormats,
} from '../../checks/custom-resources/kubernetes-formats';

/** Whether a string has a format the API server checks; formats it does not know always pass. */
export function isKubernetesFormat(format: string, text: string): boolean {
  return kubernetesStringFormats[format]?.(text) ?? true;
}

/**
 * The name the check goes by in validators written out as code (compiled-validator-cache.ts):
 * the module that loads them binds it to `isKubernetesFormat`.
 */
export const kubernetesFormatCheckName = 'isKubernetesFormat';

/**
 * `kubernetesFormat: <name>`: a string format checked the way the API server checks it. Defined
 * as generated code calling `isKubernetesFormat`, so validators using it can be written out and
 * loaded again (a keyword given as a JavaScript function cannot be).
 */
/** ajv's code generation helpers, loaded when a schema is compiled (never on a cached run). */
export const codegen = () => createRequire(import.meta.url)('ajv') as typeof import('ajv');

export const kubernetesFormatKeywordDefinition: CodeKeywordDefinition = {
  keyword: kubernetesFormatKeyword,
  type: 'string',
  schemaType: 'string',
  code(cxt: KeywordCxt) {
    const { _, Name } = codegen();
    const check = cxt.gen.scopeValue('func', {
      ref: isKubernetesFormat,
      code: new Name(kubernetesFormatCheckName),
    });
    cxt.fail(_`!${check}(${cxt.schemaCode}, ${cxt.data})`);
  },
  error: {
    message: ({ schemaCode, data }) => {
      const { _, str } = codegen();
      return str`must be a valid ${schemaCode} (got ${_`JSON.stringify(${data})`})`;
    },
    params: ({ schemaCode }) => codegen()._`{format: ${schemaCode}}`,
  },
};
