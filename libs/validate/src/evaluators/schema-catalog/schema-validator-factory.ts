import { createRequire } from 'node:module';
import type Ajv from 'ajv';
import type { Options } from 'ajv';
import { customKeywordDefinitions } from './custom-keywords';
import { annotationVocabulary } from './annotation-vocabulary';

/**
 * The one ajv configuration every schema is compiled with.
 * - allErrors: report every problem of a resource in one run, not the first only.
 * - validateFormats off: Kubernetes formats (int32, int-or-string, duration like `5m0s`) are not
 *   JSON Schema formats; asserting the JSON Schema meaning would reject valid manifests.
 * - strictTypes off / union types on: upstream schemas legitimately use `type: [string, integer]`.
 * Plain data, so the cache of compiled validators can name it without loading ajv.
 */
export function schemaValidatorOptions(options: { standaloneSource?: boolean } = {}): Options {
  return {
    // Keeps each validator's source, so it can be written out precompiled (tools/schemas, and the
    // cache of CRD-derived validators).
    ...(options.standaloneSource ? { code: { source: true } } : {}),
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    allowUnionTypes: true,
    validateFormats: false,
  };
}

/**
 * ajv itself is loaded on first use: a run whose validators are all precompiled or cached never
 * compiles, and loading ajv was a tenth of a second of every `gitops validate`.
 */
export function createSchemaValidator(options: { standaloneSource?: boolean } = {}): Ajv {
  const AjvClass = createRequire(import.meta.url)('ajv').default as typeof Ajv;
  const ajv = new AjvClass(schemaValidatorOptions(options));
  ajv.addVocabulary(annotationVocabulary);
  // Only CRD-derived schemas use them; they are generated code, so those too can be written out.
  for (const definition of customKeywordDefinitions) ajv.addKeyword(definition);
  return ajv;
}
