import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type Ajv from 'ajv';
import type { AnySchema, ValidateFunction } from 'ajv';
import { customKeywordBindings, customKeywordIdentity } from './custom-keywords';
import { schemaValidatorOptions } from './schema-validator-factory';
import { runCachedModule } from '../caches/cached-module';
import type { EntryStore } from '../caches/digest-directory';

const requireFromHere = createRequire(import.meta.url);

/**
 * What the generated code depends on besides the schema: ajv's version, the options every
 * validator is compiled with and the custom keyword's code generator. A change to any of them
 * makes every cached entry unused. Named from data, so a run whose entries are all cached never
 * loads ajv.
 */
let identityOfGenerator: string | undefined;
function generatorIdentity(): string {
  identityOfGenerator ??= describeGenerator();
  return identityOfGenerator;
}

function describeGenerator(): string {
  const { version } = requireFromHere('ajv/package.json') as { version: string };
  return JSON.stringify([
    3,
    version,
    schemaValidatorOptions({ standaloneSource: true }),
    ...customKeywordIdentity,
  ]);
}

/**
 * Validators compiled from CRD schemas, kept as ajv standalone code in a store and loaded from
 * there by later runs: compiling the schema of a large CRD (Argo CD's Application) takes most of
 * a second, loading it a few milliseconds. Entries are keyed by everything that makes the code,
 * so an entry is never stale; a store that cannot be written only means compiling again.
 */
export class CompiledValidatorCache {
  constructor(private readonly store: EntryStore) {}

  /**
   * The validator for `schema`, whose meaning is fully described by `identity` (the schema and
   * everything it refers to); `compile` compiles it with `ajv`, which keeps generated source.
   */
  validator(ajv: () => Ajv, identity: string, compile: () => ValidateFunction): ValidateFunction {
    const key = [generatorIdentity(), identity];
    const kept = this.store.read(key);
    // The generated code is CommonJS that calls the custom keywords' checks by name; they are
    // bound here. It requires ajv's runtime modules, found from this file.
    if (kept)
      return runCachedModule(kept, generatedCodeFile, customKeywordBindings) as ValidateFunction;
    const validate = compile();
    const standalone = requireFromHere('ajv/dist/standalone/index.js') as {
      default: (ajv: Ajv, validate: ValidateFunction) => string;
    };
    this.store.write(key, standalone.default(ajv(), validate));
    return validate;
  }
}

const generatedCodeFile = fileURLToPath(import.meta.url);

/** Used as a schema identity: the schema with the definitions and documents it may refer to. */
export function schemaIdentity(schema: AnySchema, context: unknown): string {
  return JSON.stringify([schema, context]);
}
