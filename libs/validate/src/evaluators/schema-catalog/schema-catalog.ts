import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { schemaIdentity, type CompiledValidatorCache } from './compiled-validator-cache';
import { loadEmbeddedSchemas, loadEmbeddedSchemasText } from './embedded-schemas';
import { loadPrecompiledValidators, type PrecompiledValidators } from './precompiled-validators';
import { createSchemaValidator } from './schema-validator-factory';
import {
  helmValuesSchemaKey,
  resourceSchemaKey,
  type SchemaReference,
  type SchemaSet,
} from '../../checks/schema-model/schema-set';

/**
 * Looks schemas up by `apiVersion/kind` or `chart@version` and compiles each one the first time it
 * is needed: a run over a few kinds compiles only those (shared definitions are compiled once).
 * Sets are searched in order; the first that has a key wins.
 */
export class SchemaCatalog {
  private ajvInstance: Ajv | undefined;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly registered = new Set<string>();

  constructor(
    readonly sets: readonly SchemaSet[],
    /** Trusted sets (the generated one, checked by tests) skip ajv's meta-schema check. */
    private readonly trustedSetIds: ReadonlySet<string> = new Set(),
    /** Searched after `sets`, with its own compiled validators kept (see `withFirst`). */
    private readonly fallback?: SchemaCatalog,
    /** Validators compiled ahead of time for the first set (`npm run schemas`), by key. */
    private readonly precompiled?: PrecompiledValidators,
    /** Where validators compiled at run time are kept for later runs (CRD-derived schemas). */
    private readonly validatorCache?: CompiledValidatorCache,
  ) {}

  resource(apiVersion: string, kind: string): ValidateFunction | undefined {
    return this.lookup('resources', resourceSchemaKey(apiVersion, kind));
  }

  helmValues(chart: string, version: string): ValidateFunction | undefined {
    return this.lookup('helmValues', helmValuesSchemaKey(chart, version));
  }

  /**
   * This catalog with a set searched before all of its own (CRD-derived schemas, for instance),
   * its validators kept in `validatorCache` when given.
   */
  withFirst(set: SchemaSet, validatorCache?: CompiledValidatorCache): SchemaCatalog {
    // The new set gets its own ajv; this catalog, and what it has compiled, serves the rest.
    return new SchemaCatalog([set], new Set(), this, undefined, validatorCache);
  }

  /** Whether a kind has a schema, without compiling it. */
  hasResource(apiVersion: string, kind: string): boolean {
    const key = resourceSchemaKey(apiVersion, kind);
    return (
      this.sets.some((set) => set.resources[key] !== undefined) ||
      (this.fallback?.hasResource(apiVersion, kind) ?? false)
    );
  }

  /** Every `apiVersion/kind` with a schema. */
  resourceKeys(): string[] {
    const own = this.sets.flatMap((set) => Object.keys(set.resources));
    return [...new Set([...own, ...(this.fallback?.resourceKeys() ?? [])])].sort();
  }

  /** Every `chart@version` with a values schema. */
  helmValuesKeys(): string[] {
    const own = this.sets.flatMap((set) => Object.keys(set.helmValues ?? {}));
    return [...new Set([...own, ...(this.fallback?.helmValuesKeys() ?? [])])].sort();
  }

  private lookup(section: 'resources' | 'helmValues', key: string): ValidateFunction | undefined {
    const cacheKey = `${section}:${key}`;
    const cached = this.compiled.get(cacheKey) ?? this.precompiled?.validator(key);
    if (cached) return cached;
    for (const set of this.sets) {
      const reference = set[section]?.[key];
      if (reference === undefined) continue;
      const validate = this.compile(set, reference);
      this.compiled.set(cacheKey, validate);
      return validate;
    }
    return this.fallback?.lookup(section, key);
  }

  private compile(set: SchemaSet, reference: SchemaReference): ValidateFunction {
    if (typeof reference === 'string' && !set.definitions?.[reference])
      throw new Error(`schema set ${set.id} has no definition ${reference}`);
    const schema =
      typeof reference === 'string'
        ? { $ref: `${setUri(set)}#/definitions/${encodeURIComponent(reference)}` }
        : reference;
    const compile = () => {
      this.register(set);
      return this.ajv.compile(schema);
    };
    if (!this.validatorCache) return compile();
    const identity = schemaIdentity(schema, [set.id, set.definitions, set.referenced]);
    return this.validatorCache.validator(() => this.ajv, identity, compile);
  }

  private get ajv(): Ajv {
    // Generated source is kept only when it is to be cached: it costs memory.
    this.ajvInstance ??= createSchemaValidator({ standaloneSource: !!this.validatorCache });
    return this.ajvInstance;
  }

  /** Adds a set's shared definitions and referenced documents to ajv once, before its first compile. */
  private register(set: SchemaSet): void {
    if (this.registered.has(set.id)) return;
    this.registered.add(set.id);
    const validateSchema = !this.trustedSetIds.has(set.id);
    if (set.definitions)
      this.ajv.addSchema(
        { $id: setUri(set), definitions: set.definitions },
        undefined,
        undefined,
        validateSchema,
      );
    for (const schema of set.referenced ?? [])
      this.ajv.addSchema(schema, undefined, undefined, validateSchema);
  }
}

/** The URI under which a set's definitions are registered; references into them use it. */
export function setUri(set: { id: string }): string {
  return `urn:platform-schemas:${encodeURIComponent(set.id)}`;
}

let embedded: SchemaCatalog | undefined;

/** The catalog of the committed, generated schemas; built once per process. */
export function embeddedSchemaCatalog(): SchemaCatalog {
  if (!embedded) {
    const document = loadEmbeddedSchemas();
    const precompiled = loadPrecompiledValidators(loadEmbeddedSchemasText());
    embedded = new SchemaCatalog([document], new Set([document.id]), undefined, precompiled);
  }
  return embedded;
}

/** The embedded schemas plus extra sets searched after them (tests, upstream fixtures). */
export function catalogWith(extraSets: SchemaSet[]): SchemaCatalog {
  const document = loadEmbeddedSchemas();
  const precompiled = loadPrecompiledValidators(loadEmbeddedSchemasText());
  return new SchemaCatalog(
    [document, ...extraSets],
    new Set([document.id]),
    undefined,
    precompiled,
  );
}
