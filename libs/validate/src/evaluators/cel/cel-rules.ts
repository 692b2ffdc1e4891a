import type { FieldPath } from '@platform/manifests';
import type { JsonSchema } from '../../checks/schema-model/schema-set';
import type { CelEvaluator, CelViolation } from '../../checks/validation-context';
import {
  compiledCelRule,
  isCelError,
  notEvaluatedReason,
  type CompiledCelRule,
} from './cel-environment';
import { CelOutcomeMemo } from './cel-outcome-memo';
import { celValue } from './cel-value';

/** One `x-kubernetes-validations` entry. */
export interface CelRule {
  rule: string;
  message?: string;
  fieldPath?: string;
}

/**
 * Evaluates every CEL rule of a CRD schema against a custom resource, at every node the value
 * reaches, as the API server does on create. Rules that cannot be evaluated faithfully offline are
 * skipped here (they are listed by `gitops validate --explain-coverage`).
 */
export function evaluateCelRules(openApi: JsonSchema, value: unknown): CelViolation[] {
  const violations: CelViolation[] = [];
  visit(openApi, value, [], violations);
  return violations;
}

/** The CEL evaluator validation is given. */
export const celRuleEvaluator: CelEvaluator = { violations: evaluateCelRules };

function visit(schema: JsonSchema, value: unknown, path: FieldPath, out: CelViolation[]): void {
  if (value === undefined || value === null || !hasRulesWithin(schema)) return;
  for (const rule of rulesOf(schema)) {
    const violation = evaluate(rule, schema, value, path);
    if (violation) out.push(violation);
  }
  // A child's path is only made when rules lie below it: most members of a resource have none.
  if (Array.isArray(value)) {
    const items = schema.items as JsonSchema | undefined;
    if (items && hasRulesWithin(items))
      value.forEach((item, index) => visit(items, item, [...path, index], out));
    return;
  }
  if (typeof value !== 'object') return;
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const additional =
    typeof schema.additionalProperties === 'object'
      ? (schema.additionalProperties as JsonSchema)
      : undefined;
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    const childSchema = Object.hasOwn(properties, key) ? properties[key] : additional;
    if (childSchema && hasRulesWithin(childSchema))
      visit(childSchema, object[key], [...path, key], out);
  }
}

const rulesWithin = new WeakMap<JsonSchema, boolean>();

/** Whether a schema node or any node below it has a rule: the values under it need no walk if not. */
function hasRulesWithin(schema: JsonSchema): boolean {
  let known = rulesWithin.get(schema);
  if (known === undefined) {
    const children = [
      schema.items,
      schema.additionalProperties,
      ...Object.values((schema.properties ?? {}) as Record<string, unknown>),
    ].filter((child): child is JsonSchema => typeof child === 'object' && child !== null);
    known = rulesOf(schema).length > 0 || children.some(hasRulesWithin);
    rulesWithin.set(schema, known);
  }
  return known;
}

const rulesBySchema = new WeakMap<JsonSchema, CelRule[]>();

/** The rules at a schema node, read once per node: a node is visited for every value it meets. */
export function rulesOf(schema: JsonSchema): CelRule[] {
  let rules = rulesBySchema.get(schema);
  if (!rules) {
    const stated = schema['x-kubernetes-validations'];
    rules = Array.isArray(stated)
      ? (stated as CelRule[]).filter((r) => typeof r.rule === 'string')
      : [];
    rulesBySchema.set(schema, rules);
  }
  return rules;
}

function evaluate(
  rule: CelRule,
  schema: JsonSchema,
  value: unknown,
  path: FieldPath,
): CelViolation | undefined {
  if (notEvaluatedReason(rule.rule)) return undefined;
  const compiled = compiledCelRule(rule.rule);
  const message = memo.outcome(rule, value, () => outcome(rule, compiled, celValue(value, schema)));
  return message === undefined
    ? undefined
    : { path: [...path, ...fieldPathSegments(rule.fieldPath)], message };
}

/** What a rule says of a value: undefined when it holds (or cannot be evaluated), else the message. */
function outcome(rule: CelRule, compiled: CompiledCelRule, self: unknown): string | undefined {
  const result = compiled.run(self);
  if (isCelError(result)) {
    // A function only resolved at run time: not evaluable here, not a finding.
    if (/unbound function|no such overload/i.test(result.message)) return undefined;
    return `CEL rule ${JSON.stringify(rule.rule)} fails to evaluate: ${result.message}`;
  }
  if (result === true) return undefined;
  return rule.message ?? `failed rule: ${rule.rule}`;
}

const memo = new CelOutcomeMemo<CelRule>();

/** `.spec.limits` or `.tags['a.b']` → path segments. */
function fieldPathSegments(fieldPath: string | undefined): FieldPath {
  if (!fieldPath) return [];
  const segments: (string | number)[] = [];
  for (const match of fieldPath.matchAll(/\.([A-Za-z_$][\w$-]*)|\['([^']*)'\]|\[(\d+)\]/g))
    segments.push(match[1] ?? match[2] ?? Number(match[3]));
  return segments;
}
