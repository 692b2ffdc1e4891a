import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Ajv from 'ajv';
import type { AnySchema, ValidateFunction } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import {
  isKubernetesFormat,
  kubernetesFormatCheckName,
  kubernetesFormatKeywordDefinition,
} from '../crd/kubernetes-format-keyword';
import { codeCacheDirectory, writeAtomically } from './code-cache-directory';

const requireFromHere = createRequire(import.meta.url);

/**
 * What the generated code depends on besides the schema: ajv's version, its options and the
 * custom keyword's code generator. A change to any of them makes every cached entry unused.
 */
function generatorIdentity(ajv: Ajv): string {
  const { version } = requireFromHere('ajv/package.json') as { version: string };
  const { code, error } = kubernetesFormatKeywordDefinition;
  return JSON.stringify([
    1,
    version,
    plainOptions(ajv.opts),
    String(code),
    String(error?.message),
    String(error?.params),
  ]);
}

/** ajv's options as data: nested objects once (they refer back to themselves), no functions. */
function plainOptions(options: object): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(options, (_key, value: unknown) => {
    if (typeof value === 'function') return undefined;
    if (typeof value === 'object' && value !== null) {
      if (seen.has(value)) return undefined;
      seen.add(value);
    }
    return value;
  });
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
  validator(ajv: Ajv, identity: string, compile: () => ValidateFunction): ValidateFunction {
    const digest = createHash('sha256')
      .update(generatorIdentity(ajv))
      .update('\0')
      .update(identity)
      .digest('hex');
    const path = join(this.directory, `${digest}.cjs`);
    const cached = loadValidator(path);
    if (cached) return cached;
    const validate = compile();
    try {
      writeAtomically(path, standaloneCode(ajv, validate));
    } catch {
      // Not writable (read-only checkout, full disk): compiled again next run, same results.
    }
    return validate;
  }
}

function loadValidator(path: string): ValidateFunction | undefined {
  let code: string;
  try {
    code = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const module = { exports: {} as unknown };
  // The generated code is CommonJS that calls the format check by name; both are bound here.
  new Function('module', 'exports', 'require', kubernetesFormatCheckName, code)(
    module,
    module.exports,
    requireFromHere,
    isKubernetesFormat,
  );
  return module.exports as ValidateFunction;
}

/** Used as a schema identity: the schema with the definitions and documents it may refer to. */
export function schemaIdentity(schema: AnySchema, context: unknown): string {
  return JSON.stringify([schema, context]);
}
