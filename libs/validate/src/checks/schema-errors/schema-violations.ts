import type { ErrorObject, ValidateFunction } from 'ajv';
import { jsonPointerToPath, type FieldPath } from '@platform/manifests';
import { describeSchemaErrors, valueAt } from './describe-schema-errors';
import type { SchemaViolation } from './schema-violation';

/**
 * Validates a value and describes what is wrong. A known field set to `null` counts as absent,
 * as the API server decodes it (`creationTimestamp: null` is valid; `containers: null` is a missing
 * required field). An unknown field is reported whatever its value, null included.
 */
export function schemaViolations(validate: ValidateFunction, value: unknown): SchemaViolation[] {
  if (validate(value)) return [];
  let errors: ErrorObject[] = [...(validate.errors ?? [])];
  const nullMembers = knownMembersSetToNull(errors, value);
  if (nullMembers.length > 0) {
    const withoutNulls = withoutMembers(value, nullMembers);
    errors = validate(withoutNulls) ? [] : [...(validate.errors ?? [])];
    return describeSchemaErrors(errors, withoutNulls);
  }
  return describeSchemaErrors(errors, value);
}

/** Object members whose value is null and that the schema rejected for it (so they are declared). */
function knownMembersSetToNull(errors: readonly ErrorObject[], value: unknown): FieldPath[] {
  const members = new Map<string, FieldPath>();
  for (const error of errors) {
    if (
      error.keyword === 'additionalProperties' ||
      error.keyword === 'required' ||
      error.instancePath === ''
    )
      continue;
    const path = jsonPointerToPath(error.instancePath, value);
    const parent = valueAt(value, path.slice(0, -1));
    if (
      valueAt(value, path) === null &&
      parent !== null &&
      typeof parent === 'object' &&
      !Array.isArray(parent)
    ) {
      members.set(error.instancePath, path);
    }
  }
  return [...members.values()];
}

function withoutMembers(value: unknown, members: FieldPath[]): unknown {
  const copy = structuredClone(value);
  for (const path of members) {
    const parent = valueAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
    delete parent[path[path.length - 1]!];
  }
  return copy;
}
