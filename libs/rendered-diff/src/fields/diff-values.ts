import type { FieldChange, PathSegment } from './field-change';
import { keyOf, listItemKey } from './list-item-key';

type PlainObject = Record<string, unknown>;

const isPlainObject = (value: unknown): value is PlainObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Field-level differences between two plain values (parsed YAML). Key order never matters;
 * lists of objects are matched by a key field (a container by its name), so reordering such a
 * list is no change and a change inside an item names the item.
 */
export function diffValues(before: unknown, after: unknown): FieldChange[] {
  const changes: FieldChange[] = [];
  compare(before, after, [], changes);
  return changes;
}

function compare(before: unknown, after: unknown, path: PathSegment[], out: FieldChange[]): void {
  if (before === after) return;
  if (isPlainObject(before) && isPlainObject(after))
    return compareObjects(before, after, path, out);
  if (Array.isArray(before) && Array.isArray(after)) return compareLists(before, after, path, out);
  if (deepEqual(before, after)) return;
  out.push({ op: 'changed', path, before, after });
}

function compareObjects(
  before: PlainObject,
  after: PlainObject,
  path: PathSegment[],
  out: FieldChange[],
) {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of [...keys].sort()) {
    const inBefore = Object.hasOwn(before, key);
    const inAfter = Object.hasOwn(after, key);
    const at = [...path, key];
    if (!inAfter) out.push({ op: 'removed', path: at, before: before[key] });
    else if (!inBefore) out.push({ op: 'added', path: at, after: after[key] });
    else compare(before[key], after[key], at, out);
  }
}

function compareLists(
  before: unknown[],
  after: unknown[],
  path: PathSegment[],
  out: FieldChange[],
) {
  const objects = [...before, ...after].every(isPlainObject);
  const key = objects ? listItemKey(before, after) : undefined;
  if (key) return compareKeyedLists(before, after, key, path, out);
  if (!objects) return compareScalarLists(before, after, path, out);
  compareUnkeyedLists(before, after, path, out);
}

/**
 * Lists of scalars (args, finalizers, source repositories): the items that went and came, by
 * position on their side; a list that only changed order (which can matter for args) is one
 * change of the whole list.
 */
function compareScalarLists(
  before: unknown[],
  after: unknown[],
  path: PathSegment[],
  out: FieldChange[],
) {
  if (deepEqual(before, after)) return;
  const remaining = [...after];
  const gone: number[] = [];
  before.forEach((item, index) => {
    const match = remaining.findIndex((other) => deepEqual(item, other));
    if (match === -1) gone.push(index);
    else remaining.splice(match, 1);
  });
  const came = after.flatMap((item, index) =>
    before.some((b) => deepEqual(b, item)) ? [] : [index],
  );
  if (gone.length === 0 && came.length === 0) {
    out.push({ op: 'changed', path, before, after });
    return;
  }
  for (const i of gone) out.push({ op: 'removed', path: [...path, i], before: before[i] });
  for (const j of came) out.push({ op: 'added', path: [...path, j], after: after[j] });
}

/**
 * Objects without a key field (AppProject destinations, match expressions): items equal on both
 * sides match wherever they are, so reordering is no change; the rest are paired by position
 * when both sides have the same number left (a field-level change), else removed and added.
 */
function compareUnkeyedLists(
  before: unknown[],
  after: unknown[],
  path: PathSegment[],
  out: FieldChange[],
) {
  const unmatchedAfter = after.map((_, index) => index);
  const unmatchedBefore: number[] = [];
  before.forEach((item, index) => {
    const match = unmatchedAfter.findIndex((j) => deepEqual(item, after[j]));
    if (match === -1) unmatchedBefore.push(index);
    else unmatchedAfter.splice(match, 1);
  });
  if (unmatchedBefore.length === unmatchedAfter.length) {
    unmatchedBefore.forEach((i, k) =>
      compare(before[i], after[unmatchedAfter[k]!], [...path, unmatchedAfter[k]!], out),
    );
    return;
  }
  for (const i of unmatchedBefore)
    out.push({ op: 'removed', path: [...path, i], before: before[i] });
  for (const j of unmatchedAfter) out.push({ op: 'added', path: [...path, j], after: after[j] });
}

function compareKeyedLists(
  before: unknown[],
  after: unknown[],
  key: string,
  path: PathSegment[],
  out: FieldChange[],
) {
  const afterByKey = new Map(after.map((item) => [keyOf(item, key), item]));
  const beforeKeys = new Set<string>();
  for (const item of before) {
    const value = keyOf(item, key);
    beforeKeys.add(value);
    const at = [...path, { key, value }];
    if (!afterByKey.has(value)) out.push({ op: 'removed', path: at, before: item });
    else compare(item, afterByKey.get(value), at, out);
  }
  for (const item of after) {
    const value = keyOf(item, key);
    if (!beforeKeys.has(value))
      out.push({ op: 'added', path: [...path, { key, value }], after: item });
  }
}

/** Structural equality of parsed YAML values, ignoring object key order. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
  }
  return false;
}
