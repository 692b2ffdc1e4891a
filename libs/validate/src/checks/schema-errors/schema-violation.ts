import type { FieldPath } from '@platform/manifests';

/** One schema problem of a value, in words a person can act on, with where to point. */
export interface SchemaViolation {
  /** Path of the offending field within the validated value. */
  path: FieldPath;
  /** Point at the field's key (unknown or missing fields) or at its value (wrong values). */
  part: 'key' | 'value';
  /** Path whose source position is reported; differs from `path` when the field is missing. */
  locatePath: FieldPath;
  message: string;
}
