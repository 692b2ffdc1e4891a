import type { parse } from '@bufbuild/cel';

type Expr = ReturnType<typeof parse>['expr'];

/**
 * What of `self` a CEL rule can read, found in its syntax tree: the whole value, or only some of
 * its members (`self.replicas`, `has(self.weight)`) and, for a map, its keys (`self.all(k, …)`).
 * Two values that agree on what a rule reads get the same outcome from it, so the outcome memo
 * keys a rule's outcomes by those parts only: a rule at a NodePool's `spec` that reads `replicas`
 * and `weight` is evaluated once for every spec that shares them, not once per spec.
 */
export type SelfAccess =
  | { readonly whole: true }
  | { readonly whole: false; readonly members: readonly string[]; readonly keys: boolean };

export const wholeSelf: SelfAccess = { whole: true };

export function selfAccess(expr: Expr): SelfAccess {
  const found = { whole: false, members: new Set<string>(), keys: false };
  visit(expr, false, found);
  return found.whole
    ? wholeSelf
    : { whole: false, members: [...found.members].sort(), keys: found.keys };
}

interface Found {
  whole: boolean;
  members: Set<string>;
  keys: boolean;
}

const isSelf = (expr: Expr | undefined): boolean =>
  expr?.exprKind.case === 'identExpr' && expr.exprKind.value.name === 'self';

/**
 * `shadowed`: inside a comprehension whose variable is named `self`, where `self` is not the rule's
 * value. Any form of expression this does not know reads the whole value.
 */
function visit(expr: Expr | undefined, shadowed: boolean, found: Found): void {
  if (!expr || found.whole) return;
  const kind = expr.exprKind;
  switch (kind.case) {
    case undefined:
    case 'constExpr':
      return;
    case 'identExpr':
      if (kind.value.name === 'self' && !shadowed) found.whole = true;
      return;
    case 'selectExpr':
      if (isSelf(kind.value.operand) && !shadowed) found.members.add(kind.value.field);
      else visit(kind.value.operand, shadowed, found);
      return;
    case 'callExpr':
      for (const part of [kind.value.target, ...kind.value.args]) visit(part, shadowed, found);
      return;
    case 'listExpr':
      for (const element of kind.value.elements) visit(element, shadowed, found);
      return;
    case 'comprehensionExpr':
      visitComprehension(kind.value, shadowed, found);
      return;
    default:
      found.whole = true;
  }
}

type Comprehension = Extract<Expr['exprKind'], { case: 'comprehensionExpr' }>['value'];

function visitComprehension(loop: Comprehension, shadowed: boolean, found: Found): void {
  // Iterating a map visits its keys; a list, or a map with a second variable, its values.
  if (isSelf(loop.iterRange) && !shadowed && !loop.iterVar2) found.keys = true;
  else visit(loop.iterRange, shadowed, found);
  visit(loop.accuInit, shadowed, found);
  const inner = shadowed || [loop.iterVar, loop.iterVar2, loop.accuVar].includes('self');
  for (const part of [loop.loopCondition, loop.loopStep, loop.result]) visit(part, inner, found);
}

/**
 * The parts of `value` that `access` reads, as one value for the memo's key: undefined when the
 * rule reads the whole value, or the value is not an object with members (a list iterated by
 * `self.all()` is read whole).
 */
export function readParts(value: unknown, access: SelfAccess): unknown[] | undefined {
  if (access.whole || typeof value !== 'object' || value === null || Array.isArray(value))
    return undefined;
  const object = value as Record<string, unknown>;
  const parts: unknown[] = access.keys ? [Object.keys(object)] : [];
  // An absent member and a member set to null are told apart: `has()` may answer differently.
  for (const member of access.members)
    parts.push(Object.hasOwn(object, member) ? [object[member]] : []);
  return parts;
}
