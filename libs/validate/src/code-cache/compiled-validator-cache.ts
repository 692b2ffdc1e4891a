import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Ajv from 'ajv';
import type { AnySchema, ValidateFunction } from 'ajv';
import {
  isKubernetesFormat,
  kubernetesFormatCheckName,
  kubernetesFormatKeywordDefinition,
} from '../crd/kubernetes-format-keyword';
import { schemaValidatorOptions } from '../schemas/schema-validator-factory';
import { runCachedModule } from './cached-module';
import { codeCacheDirectory, writeAtomically } from './code-cache-directory';

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
  const { code, error } = kubernetesFormatKeywordDefinition;
  return JSON.stringify([
    2,
    version,
    schemaValidatorOptions({ standaloneSource: true }),
    String(code),
    String(error?.message),
    String(error?.params),
  ]);
}

/**
 * Validators compiled from CRD schemas, written out as ajv standalone code under
 * node_modules/.cache and loaded from there by later runs (and by worker threads): compiling the
 * schema of a large CRD (Argo CD's Application) takes most of a second, loading it a few
 * milliseconds. Entries are named by the digest of everything that makes the code, so an entry is
 * never stale; a cache that cannot be written only means compiling again next time.
 */
export class CompiledValidatorCache {
  constructor(private readonly directory = codeCacheDirectory('gitops-validators')) {}

  /**
   * The validator for `schema`, whose meaning is fully described by `identity` (the schema and
   * everything it refers to); `compile` compiles it with `ajv`, which keeps generated source.
   */
  validator(ajv: () => Ajv, identity: string, compile: () => ValidateFunction): ValidateFunction {
    const digest = createHash('sha256')
      .update(generatorIdentity())
      .update('\0')
      .update(identity)
      .digest('hex');
    const path = join(this.directory, `${digest}.cjs`);
    const cached = loadValidator(path);
    if (cached) return cached;
    const validate = compile();
    try {
      const standalone = requireFromHere('ajv/dist/standalone/index.js') as {
        default: (ajv: Ajv, validate: ValidateFunction) => string;
      };
      writeAtomically(path, standalone.default(ajv(), validate));
    } catch {
      // Not writable (read-only checkout, full disk): compiled again next run, same results.
    }
    return validate;
  }
}

function loadValidator(path: string): ValidateFunction | undefined {
  let code: Buffer;
  try {
    code = readFileSync(path);
  } catch {
    return undefined;
  }
  // The generated code is CommonJS that calls the format check by name; both are bound here.
  return runCachedModule(code, path, {
    [kubernetesFormatCheckName]: isKubernetesFormat,
  }) as ValidateFunction;
}

/** Used as a schema identity: the schema with the definitions and documents it may refer to. */
export function schemaIdentity(schema: AnySchema, context: unknown): string {
  return JSON.stringify([schema, context]);
}
