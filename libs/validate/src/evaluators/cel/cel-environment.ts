import type { CelEnv, CelResult } from '@bufbuild/cel';
import type { RE2JS } from '@bufbuild/re2';
import { celLibrary, re2Library } from './cel-library';

/**
 * Kubernetes' regex library (`find`, `findAll`) over JavaScript regular expressions: the patterns
 * CRDs use are in the common subset of RE2 and ECMAScript.
 */
function regexFunctions() {
  const { celList, celMethod, CelScalar, listType } = celLibrary().cel;
  return [
    celMethod('find', CelScalar.STRING, [CelScalar.STRING], CelScalar.STRING, function find(re) {
      return new RegExp(re).exec(this)?.[0] ?? '';
    }),
    celMethod(
      'findAll',
      CelScalar.STRING,
      [CelScalar.STRING],
      listType(CelScalar.STRING),
      function findAll(re) {
        return celList([...this.matchAll(new RegExp(re, 'g'))].map((match) => match[0]));
      },
    ),
  ];
}

/**
 * Functions of Kubernetes' CEL libraries that this evaluator does not provide: a rule that calls
 * one is listed by `gitops validate --explain-coverage` instead of being evaluated.
 */
export const unsupportedKubernetesFunctions = [
  'quantity',
  'isQuantity',
  'url',
  'isURL',
  'ip',
  'isIP',
  'cidr',
  'isCIDR',
  'semver',
  'isSemver',
  'isSorted',
  'sum',
  'min',
  'max',
  'reverse',
  'authorizer',
  'named',
  'validate',
];
const unsupportedCall = new RegExp(`\\b(${unsupportedKubernetesFunctions.join('|')})\\s*\\(`);

const reasons = new Map<string, string | undefined>();

/** Why a rule is not evaluated offline, or undefined when it is. */
export function notEvaluatedReason(rule: string): string | undefined {
  if (!reasons.has(rule)) reasons.set(rule, reasonNotEvaluated(rule));
  return reasons.get(rule);
}

function reasonNotEvaluated(rule: string): string | undefined {
  if (/\boldSelf\b/.test(rule))
    return 'transition rule (uses oldSelf): the API server applies it on update only, never on create';
  const call = unsupportedCall.exec(rule);
  if (call) return `calls ${call[1]}() from a Kubernetes CEL library this evaluator lacks`;
  if (/\?\.|\[\?/.test(rule)) return 'uses optional field selection, which this evaluator lacks';
  return undefined;
}

/**
 * `matches()` with RE2 (the evaluator's own), each pattern compiled once: the evaluator compiles
 * the pattern at every call, and a rule runs on every item of every resource.
 */
const compiledPatterns = new Map<string, RE2JS>();
const compiledOnce = {
  compile(pattern: string): RE2JS {
    let compiled = compiledPatterns.get(pattern);
    if (!compiled) compiledPatterns.set(pattern, (compiled = re2Library().RE2JS.compile(pattern)));
    return compiled;
  },
};

let environment: CelEnv | undefined;

/** The evaluator with Kubernetes' functions, loaded on first use. */
export function celEnvironment(): CelEnv {
  const { cel, ext } = celLibrary();
  environment ??= cel.celEnv({ funcs: [...ext.strings, ...regexFunctions()], re2: compiledOnce });
  return environment;
}

/** A rule ready to run. */
export interface CompiledCelRule {
  run: (self: unknown) => CelResult;
}

const compiledRules = new Map<string, CompiledCelRule>();

/** Compiles a rule once per process; a rule that does not parse throws. */
export function compiledCelRule(rule: string): CompiledCelRule {
  let compiled = compiledRules.get(rule);
  if (!compiled) {
    const { cel } = celLibrary();
    const program = cel.plan(celEnvironment(), cel.parse(rule)) as (bindings: {
      self: unknown;
    }) => CelResult;
    compiled = { run: (self) => program({ self }) };
    compiledRules.set(rule, compiled);
  }
  return compiled;
}

/** Whether an evaluation ended in a CEL error rather than a value. */
export function isCelError(result: CelResult): result is Extract<CelResult, Error> {
  return celLibrary().cel.isCelError(result);
}
