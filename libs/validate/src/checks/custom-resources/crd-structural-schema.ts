import type { JsonSchema } from '../schema-model/schema-set';
import {
  kubernetesFormatKeyword,
  kubernetesPatternKeyword,
  kubernetesStringFormats,
} from './kubernetes-formats';

/** Constraint keywords a CRD schema may state, kept as they are (JSON Schema and OpenAPI agree). */
const keptKeywords = [
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'multipleOf',
  'uniqueItems',
  'enum',
  'required',
] as const;

/**
 * Turns a CRD version's `openAPIV3Schema` into a strict JSON Schema for ajv, as the API server
 * reads it: an object's undeclared fields are errors (the server would prune them) unless
 * `x-kubernetes-preserve-unknown-fields`; `x-kubernetes-int-or-string` accepts an integer or a
 * string; `x-kubernetes-embedded-resource` requires apiVersion, kind and metadata; `nullable`
 * admits null; OpenAPI's boolean `exclusiveMinimum`/`exclusiveMaximum` become JSON Schema's
 * numeric ones; string formats the API server knows are checked, and patterns as Go's RE2 reads them. The root's `metadata` is left to
 * the ObjectMeta checks (the API server validates it itself, whatever the CRD says).
 */
export function crdStructuralSchema(openApi: JsonSchema): JsonSchema {
  const root = convert(openApi);
  const properties = (root.properties ?? {}) as Record<string, JsonSchema>;
  root.properties = {
    ...properties,
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
  };
  return root;
}

function convert(node: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const keyword of keptKeywords) if (node[keyword] !== undefined) out[keyword] = node[keyword];
  convertBounds(node, out);
  const type = node.type as string | undefined;
  if (node['x-kubernetes-int-or-string'] === true) {
    out.type = node.nullable === true ? ['integer', 'string', 'null'] : ['integer', 'string'];
  } else if (type) {
    out.type = node.nullable === true ? [type, 'null'] : type;
  }
  if (typeof node.format === 'string' && kubernetesStringFormats[node.format])
    out[kubernetesFormatKeyword] = node.format;
  // Go's regular expressions (RE2), not ECMAScript's: ajv's own `pattern` would compile it as the
  // latter, and fail on `(?i)`.
  if (typeof node.pattern === 'string') out[kubernetesPatternKeyword] = node.pattern;
  if (node.items && typeof node.items === 'object') out.items = convert(node.items as JsonSchema);
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = node[keyword] as JsonSchema[] | undefined;
    // int-or-string's own anyOf is the type set above; other unions only add constraints.
    if (!branches || (keyword === 'anyOf' && node['x-kubernetes-int-or-string'] === true)) continue;
    out[keyword] = branches.map(convert);
  }
  if (node.not) out.not = convert(node.not as JsonSchema);
  convertObject(node, out);
  return out;
}

function convertBounds(node: JsonSchema, out: JsonSchema): void {
  if (node.exclusiveMinimum === true && node.minimum !== undefined) {
    out.exclusiveMinimum = node.minimum;
    delete out.minimum;
  }
  if (node.exclusiveMaximum === true && node.maximum !== undefined) {
    out.exclusiveMaximum = node.maximum;
    delete out.maximum;
  }
}

function convertObject(node: JsonSchema, out: JsonSchema): void {
  const properties = node.properties as Record<string, JsonSchema> | undefined;
  const preserve = node['x-kubernetes-preserve-unknown-fields'] === true;
  const embedded = node['x-kubernetes-embedded-resource'] === true;
  // Kept as an annotation (no validation meaning to ajv) so the schema still says what it allows.
  if (preserve) out['x-kubernetes-preserve-unknown-fields'] = true;
  if (properties) {
    out.properties = Object.fromEntries(
      Object.entries(properties).map(([name, schema]) => [name, convert(schema)]),
    );
  }
  if (embedded) {
    // An embedded object is a whole resource: it must say what it is, whatever else it declares.
    out.properties = {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
      ...(out.properties as Record<string, JsonSchema> | undefined),
    };
    out.required = [
      ...new Set([...((out.required as string[]) ?? []), 'apiVersion', 'kind', 'metadata']),
    ];
  }
  if (typeof node.additionalProperties === 'object') {
    out.additionalProperties = convert(node.additionalProperties as JsonSchema);
  } else if (!preserve && (node.type === 'object' || properties)) {
    out.additionalProperties = false;
  }
}
