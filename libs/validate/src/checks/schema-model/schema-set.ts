/** A JSON Schema node; kept loose because schemas come from generated files and from tests. */
export type JsonSchema = Record<string, unknown>;

/**
 * Where a kind's (or a chart's) schema is: the name of a definition in the set's `definitions`,
 * or a standalone schema compiled as its own root (upstream per-kind files carry their own
 * `#/definitions`, so they cannot be merged into a shared pool).
 */
export type SchemaReference = string | JsonSchema;

/**
 * A set of schemas the validator can use: resources keyed `apiVersion/kind`
 * (e.g. `apps/v1/Deployment`, `v1/Namespace`), Helm values keyed `chart@version`.
 */
export interface SchemaSet {
  /** Unique within one catalog; becomes part of the schema URIs. */
  id: string;
  definitions?: Record<string, JsonSchema>;
  resources: Record<string, SchemaReference>;
  helmValues?: Record<string, SchemaReference>;
  /** Schemas other schemas point at by absolute `$ref` (each has an `$id`). */
  referenced?: JsonSchema[];
}

/** The committed, generated file libs/validate/schemas/embedded-schemas.json. */
export interface EmbeddedSchemaDocument extends SchemaSet {
  $comment: string;
  /** Exact package versions the schemas were generated from. */
  generatedFrom: Record<string, string>;
  definitions: Record<string, JsonSchema>;
  resources: Record<string, string>;
  helmValues: Record<string, string>;
}

/** `apps/v1/Deployment`, `v1/Namespace`: how a resource kind is keyed in a schema set. */
export function resourceSchemaKey(apiVersion: string, kind: string): string {
  return `${apiVersion}/${kind}`;
}

/** `karpenter@1.14.1`: how a chart's values schema is keyed in a schema set. */
export function helmValuesSchemaKey(chart: string, version: string): string {
  return `${chart}@${version}`;
}
