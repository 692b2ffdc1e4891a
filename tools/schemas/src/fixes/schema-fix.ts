/**
 * The fixes layer: reviewed corrections to the generated schemas where a model package lags the
 * upstream release this platform runs (a field the CRD has and the .d.ts lacks, an enum that misses
 * upstream values). Without them the closed schemas reject manifests the API server accepts.
 *
 * A fix is written by hand from the upstream CRD's structure, in the generator's own vocabulary:
 * types, enums, required lists, closed objects and references to shared definitions; no
 * descriptions, formats, patterns, bounds or CEL rules, which no generated schema carries either.
 * Each names the upstream release, file and schema paths it follows, and is checked when applied:
 * the model package must be at the reviewed version, and an added field must still be missing
 * (a replaced schema still as generated), so a fix the package has caught up with fails loudly
 * instead of lingering.
 */

/** A field's schema, as the generator would write it from a model interface. */
export type FieldSchema =
  | { type: 'string'; enum?: string[] }
  | { type: 'boolean' }
  | { type: 'integer' }
  | { type: 'array'; items: FieldSchema }
  | ClosedObjectSchema
  | { $ref: `#/definitions/${string}` };

export interface ClosedObjectSchema {
  type: 'object';
  properties: Record<string, FieldSchema>;
  required?: string[];
  additionalProperties: false;
}

/** Where a fix comes from: an upstream file at the release this platform runs. */
export interface UpstreamSource {
  /** `argoproj/argo-cd` */
  repository: string;
  /** The release tag: `v3.5.1`. */
  release: string;
  /** The file in that repository: `manifests/crds/application-crd.yaml`. */
  file: string;
  /**
   * Paths in the CRD's `openAPIV3Schema` of the node the fixed definition describes (the object
   * that gets the fields, or the replaced scalar), as the agreement tests print them
   * (`spec.sources[]`). A shared type occurs at more paths; one or two are named here.
   */
  schemaPaths: string[];
}

interface FixBase {
  /** The generated definition the fix changes. */
  definition: string;
  upstream: UpstreamSource;
  /** Anything a reviewer needs to know, e.g. an upstream rule the schema does not express. */
  note?: string;
}

/** Fields upstream has and the model interface lacks, added to a closed object definition. */
export interface AddFieldsFix extends FixBase {
  kind: 'add-fields';
  fields: Record<string, FieldSchema>;
  /** Which of the added fields upstream requires. */
  required?: string[];
}

/**
 * A schema the generator gets wrong (an enum missing upstream values, a plain string where
 * upstream has an enum): the whole definition, or one of its fields. `generated` is what the
 * generator writes today; the fix applies only while that is still so.
 */
export interface ReplaceSchemaFix extends FixBase {
  kind: 'replace';
  /** A field of the definition; without it, the definition itself. */
  field?: string;
  generated: FieldSchema;
  replacement: FieldSchema;
}

export type SchemaFix = AddFieldsFix | ReplaceSchemaFix;

/** The fixes for one model package, reviewed against one version of it. */
export interface ModelPackageFixes {
  modelPackage: string;
  /** The installed version the fixes were reviewed against; another version fails generation. */
  modelVersion: string;
  fixes: SchemaFix[];
}

export const stringField = (): FieldSchema => ({ type: 'string' });
export const booleanField = (): FieldSchema => ({ type: 'boolean' });
export const integerField = (): FieldSchema => ({ type: 'integer' });
/** A string with upstream's allowed values, in upstream's order. */
export const enumField = (...values: string[]): FieldSchema => ({ type: 'string', enum: values });
export const arrayOf = (items: FieldSchema): FieldSchema => ({ type: 'array', items });
export const ref = (definition: string): FieldSchema => ({ $ref: `#/definitions/${definition}` });

/** A closed object with its properties sorted, as the generator writes one (`sortProps`). */
export function closedObject(
  properties: Record<string, FieldSchema>,
  required: string[] = [],
): ClosedObjectSchema {
  const unknown = required.filter((name) => !(name in properties));
  if (unknown.length > 0) throw new Error(`required fields not declared: ${unknown.join(', ')}`);
  return {
    type: 'object',
    properties: sortedRecord(properties),
    ...(required.length > 0 && { required: [...required].sort() }),
    additionalProperties: false,
  };
}

export function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}
