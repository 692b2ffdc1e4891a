import type { ErrorObject } from 'ajv';
import { jsonPointerToPath, type FieldPath } from '@platform/manifests';
import { kubernetesPatternKeyword } from '../custom-resources/kubernetes-formats';
import { jsonTypeName } from './json-type-name';
import type { SchemaViolation } from './schema-violation';
import { stringExpectedHint } from './string-expected-hint';

/**
 * Rewrites ajv errors into human messages: `unknown field "replicass"`, `must be integer, got
 * string`, `missing required field "containers"`, `must be one of: Always, IfNotPresent, Never`.
 * Errors inside a failed `anyOf`/`oneOf` branch are folded into one message for that field.
 */
export function describeSchemaErrors(
  errors: readonly ErrorObject[],
  value: unknown,
): SchemaViolation[] {
  const unionPaths = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .map((e) => e.instancePath);
  const insideUnion = (error: ErrorObject) =>
    error.keyword !== 'anyOf' &&
    error.keyword !== 'oneOf' &&
    unionPaths.some(
      (path) => error.instancePath === path || error.instancePath.startsWith(`${path}/`),
    );

  const violations: SchemaViolation[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (insideUnion(error)) continue;
    const violation = describe(error, value);
    const key = `${violation.path.join('\u0000')}|${violation.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    violations.push(violation);
  }
  return violations;
}

function describe(error: ErrorObject, value: unknown): SchemaViolation {
  const path = jsonPointerToPath(error.instancePath, value);
  const data = valueAt(value, path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = [...path, String(params.additionalProperty)];
      return {
        path: field,
        locatePath: field,
        part: 'key',
        message: `unknown field ${JSON.stringify(params.additionalProperty)}`,
      };
    }
    case 'required':
      return {
        path: [...path, String(params.missingProperty)],
        locatePath: path,
        part: 'key',
        message: `missing required field ${JSON.stringify(params.missingProperty)}`,
      };
    case 'type': {
      const expected = String(params.type).split(',');
      const hint =
        expected.length === 1 && expected[0] === 'string' ? stringExpectedHint(data) : '';
      return atValue(path, `must be ${expected.join(' or ')}, got ${jsonTypeName(data)}${hint}`);
    }
    case 'enum':
      return atValue(
        path,
        `must be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')} (got ${JSON.stringify(data)})`,
      );
    case 'const':
      return atValue(
        path,
        `must be ${JSON.stringify(params.allowedValue)} (got ${JSON.stringify(data)})`,
      );
    case 'pattern':
    case kubernetesPatternKeyword:
      return atValue(
        path,
        `must match the pattern ${JSON.stringify(params.pattern)} (got ${JSON.stringify(data)})`,
      );
    case 'anyOf':
    case 'oneOf':
      return atValue(path, `does not match any allowed form (got ${jsonTypeName(data)})`);
    default:
      return atValue(path, error.message ?? `fails schema keyword ${error.keyword}`);
  }
}

function atValue(path: FieldPath, message: string): SchemaViolation {
  return { path, locatePath: path, part: 'value', message };
}

export function valueAt(value: unknown, path: FieldPath): unknown {
  let node = value;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}
