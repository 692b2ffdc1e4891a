import ts from 'typescript';
import { ExposeNodeParser, type Context } from 'ts-json-schema-generator';

/**
 * ts-json-schema-generator names a definition after its declaration (`IObjectMeta`), but the model
 * packages reuse declaration names: apimachinery's ObjectMeta and Karpenter's NodeClaimTemplate
 * metadata are both `IObjectMeta`. Every model file also exports its type under a unique,
 * canonical alias derived from the upstream Go package (`IIoK8sApimachineryPkgApisMetaV1ObjectMeta`),
 * so definitions are named after that alias (without the `I`), which also matches the upstream
 * OpenAPI definition names. Types declared in this repository keep their own names.
 *
 * The generator builds its parser chain internally, so the naming hook is the parser's prototype;
 * it is installed only while generating and restored afterwards.
 */
export function withCanonicalDefinitionNames<T>(sourceFiles: Map<string, string>, run: () => T): T {
  const prototype = ExposeNodeParser.prototype as unknown as {
    getDefinitionName(this: ExposeNodeParser, node: ts.Node, context: Context): string;
  };
  const original = prototype.getDefinitionName;
  prototype.getDefinitionName = function canonicalName(node, context) {
    const name = original.call(this, node, context);
    const sourceFile = node.getSourceFile();
    const declared = declarationName(node);
    const canonical = declared ? canonicalAlias(sourceFile, declared) : undefined;
    const result =
      canonical && name.startsWith(declared!) ? canonical + name.slice(declared!.length) : name;
    sourceFiles.set(result, sourceFile.fileName);
    return result;
  };
  try {
    return run();
  } finally {
    prototype.getDefinitionName = original;
  }
}

function declarationName(node: ts.Node): string | undefined {
  return ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isClassDeclaration(node) ||
    ts.isEnumDeclaration(node)
    ? node.name?.text
    : undefined;
}

/** `export type { IObjectMeta as IIoK8sApimachineryPkgApisMetaV1ObjectMeta, ... }` → `IoK8s...ObjectMeta`. */
function canonicalAlias(sourceFile: ts.SourceFile, declared: string): string | undefined {
  if (!sourceFile.fileName.includes('/node_modules/')) return undefined;
  for (const statement of sourceFile.statements) {
    if (
      !ts.isExportDeclaration(statement) ||
      !statement.exportClause ||
      !ts.isNamedExports(statement.exportClause)
    )
      continue;
    for (const element of statement.exportClause.elements) {
      const alias = element.name.text;
      if (element.propertyName?.text === declared && alias !== declared && alias.startsWith('I'))
        return alias.slice(1);
    }
  }
  return undefined;
}
