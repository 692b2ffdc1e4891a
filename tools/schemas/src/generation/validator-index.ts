import ts from 'typescript';
import type { PrecompiledValidatorIndex } from '@platform/validate';

/**
 * The index of the precompiled validators' module (see `PrecompiledValidatorIndex`): its top-level
 * declarations with their byte ranges, and for each export the declarations it reaches through the
 * names it uses. Fails on any statement ajv's standalone code is not known to write, so a change
 * of ajv's output cannot yield an index that loads incomplete validators.
 */
export function precompiledValidatorIndex(
  moduleText: string,
  schemaDocumentDigest: string,
): PrecompiledValidatorIndex {
  const source = ts.createSourceFile('validators.cjs', moduleText, ts.ScriptTarget.ES2022, true);
  const byteOffset = byteOffsets(moduleText);
  const declarations: [number, number][] = [];
  const declaredAt = new Map<string, number>();
  const usedNames: string[][] = [];
  const exported: [string, string][] = [];
  for (const statement of source.statements) {
    const exportedName = exportStatement(statement);
    if (exportedName) {
      if (exportedName[1] !== undefined) exported.push(exportedName as [string, string]);
      continue;
    }
    if (isUseStrict(statement)) continue;
    const names = declaredNames(statement);
    for (const name of names) declaredAt.set(name, declarations.length);
    declarations.push([byteOffset(statement.getStart(source)), byteOffset(statement.end)]);
    usedNames.push(identifiersIn(statement));
  }
  const reached = (name: string): number[] => {
    const seen = new Set<number>();
    const visit = (declaration: number | undefined) => {
      if (declaration === undefined || seen.has(declaration)) return;
      seen.add(declaration);
      for (const used of usedNames[declaration]!) visit(declaredAt.get(used));
    };
    visit(declaredAt.get(name));
    if (seen.size === 0) throw new Error(`the module exports ${name}, which it does not declare`);
    return [...seen].sort((a, b) => a - b);
  };
  return {
    schemaDocumentDigest,
    moduleBytes: Buffer.byteLength(moduleText),
    declarations,
    exports: Object.fromEntries(
      exported.map(([key, name]) => [key, { name, declarations: reached(name) }]),
    ),
  };
}

/**
 * `exports["key"] = validateN;` as [key, name]; [key, undefined] when the value is not a name
 * (the schema document's digest); undefined for any other statement.
 */
function exportStatement(statement: ts.Statement): [string, string | undefined] | undefined {
  if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression))
    return undefined;
  const { left, right } = statement.expression;
  if (
    !ts.isElementAccessExpression(left) ||
    !ts.isIdentifier(left.expression) ||
    left.expression.text !== 'exports' ||
    !ts.isStringLiteral(left.argumentExpression)
  )
    return undefined;
  return [left.argumentExpression.text, ts.isIdentifier(right) ? right.text : undefined];
}

function isUseStrict(statement: ts.Statement): boolean {
  return (
    ts.isExpressionStatement(statement) &&
    ts.isStringLiteral(statement.expression) &&
    statement.expression.text === 'use strict'
  );
}

/** What a `const` or `function` declares; any other statement is unexpected. */
function declaredNames(statement: ts.Statement): string[] {
  if (ts.isFunctionDeclaration(statement) && statement.name) return [statement.name.text];
  if (ts.isVariableStatement(statement))
    return statement.declarationList.declarations.map((declaration) => {
      if (!ts.isIdentifier(declaration.name))
        throw new Error(
          `unexpected destructuring in the precompiled validators: ${declaration.getText()}`,
        );
      return declaration.name.text;
    });
  throw new Error(
    `unexpected statement in the precompiled validators: ${statement.getText().slice(0, 80)}`,
  );
}

/** Every identifier in the statement: a superset of the top-level names it uses. */
function identifiersIn(statement: ts.Statement): string[] {
  const names = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node)) names.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(statement);
  return [...names];
}

/** Byte offsets of character offsets, asked for in increasing order (the module is UTF-8). */
function byteOffsets(text: string): (character: number) => number {
  let character = 0;
  let byte = 0;
  return (to) => {
    byte += Buffer.byteLength(text.slice(character, to));
    character = to;
    return byte;
  };
}
