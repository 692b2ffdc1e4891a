import { celEnv, isCelError, parse, plan, type CelInput } from '@bufbuild/cel';
import type { IValidatingAdmissionPolicy } from 'kubernetes-models/admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy';
import { isJsonObject, objectOf, stringOf, type JsonObject } from '../document/json-value';

/** What the API server does with a Pod CREATE under one ValidatingAdmissionPolicy. */
export type AdmissionVerdict = 'not-matched' | 'admitted' | 'refused';

/**
 * Evaluates a rendered ValidatingAdmissionPolicy for a Pod the way the API server does, with the
 * @bufbuild/cel evaluator: the namespace selector (on the `kubernetes.io/metadata.name` label every
 * Namespace carries), then the match conditions, the variables and the validations. A CEL error
 * throws: under `failurePolicy: Fail` it would refuse the pod, and no rule should ever error.
 * Used by tests to prove that the CEL twin of a rule agrees with its TypeScript check.
 */
export function simulateAdmission(
  policy: IValidatingAdmissionPolicy,
  pod: JsonObject,
  namespace: JsonObject | null,
): AdmissionVerdict {
  const spec = policy.spec ?? {};
  const namespaceName = stringOf(objectOf(pod.metadata).namespace) ?? 'default';
  if (!namespaceSelected(spec.matchConstraints?.namespaceSelector, namespaceName)) {
    return 'not-matched';
  }
  const object = celValue(pod);
  for (const condition of spec.matchConditions ?? []) {
    if (!evaluate(condition.expression, { object })) return 'not-matched';
  }
  const namespaceObject = namespace === null ? null : celValue(namespace);
  const variables = new Map<string, CelInput>();
  for (const variable of spec.variables ?? []) {
    variables.set(
      variable.name,
      evaluateValue(variable.expression, { object, namespaceObject, variables }),
    );
  }
  const refused = (spec.validations ?? []).some(
    (validation) => !evaluate(validation.expression, { object, namespaceObject, variables }),
  );
  return refused ? 'refused' : 'admitted';
}

type Selector = NonNullable<
  NonNullable<
    NonNullable<IValidatingAdmissionPolicy['spec']>['matchConstraints']
  >['namespaceSelector']
>;

function namespaceSelected(selector: Selector | undefined, name: string): boolean {
  return (selector?.matchExpressions ?? []).every((expression) => {
    if (expression.key !== 'kubernetes.io/metadata.name') {
      throw new Error(`simulateAdmission: selector on ${expression.key} is not modelled`);
    }
    const listed = (expression.values ?? []).includes(name);
    if (expression.operator === 'In') return listed;
    if (expression.operator === 'NotIn') return !listed;
    throw new Error(`simulateAdmission: operator ${expression.operator} is not modelled`);
  });
}

function evaluate(expression: string, bindings: Record<string, CelInput>): boolean {
  const result = evaluateValue(expression, bindings);
  if (typeof result !== 'boolean') {
    throw new Error(`CEL expression did not return a bool: ${expression}`);
  }
  return result;
}

/** Parsed and planned once per expression: a policy is evaluated for many pods. */
const programs = new Map<string, ReturnType<typeof plan>>();

function evaluateValue(expression: string, bindings: Record<string, CelInput>): CelInput {
  let program = programs.get(expression);
  if (!program) {
    program = plan(celEnv(), parse(expression));
    programs.set(expression, program);
  }
  const result = program(bindings);
  if (isCelError(result)) {
    throw new Error(`CEL error "${result.message}" in: ${expression}`);
  }
  return result as CelInput;
}

/**
 * JSON as the API server hands it to CEL: objects are maps, whole numbers are CEL `int` (the
 * Kubernetes schema types them int32/int64), other numbers `double`.
 */
export function celValue(value: unknown): CelInput {
  if (Array.isArray(value)) return value.map(celValue);
  if (isJsonObject(value)) {
    return new Map(Object.entries(value).map(([key, entry]) => [key, celValue(entry)]));
  }
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  return value as CelInput;
}
