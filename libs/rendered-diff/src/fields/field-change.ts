/** A step into a value: an object key, a list index, or a list item found by its key field. */
export type PathSegment = string | number | { key: string; value: string };

export type FieldChangeOp = 'added' | 'removed' | 'changed';

/** One field that differs between the base and the working tree. */
export interface FieldChange {
  op: FieldChangeOp;
  path: readonly PathSegment[];
  before?: unknown;
  after?: unknown;
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * `spec.template.spec.containers[name=agent].image`; keys that are not identifiers are quoted:
 * `metadata.labels["app.kubernetes.io/version"]`.
 */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'object') text += `[${segment.key}=${segment.value}]`;
    else if (PLAIN_KEY.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text || '(whole value)';
}
