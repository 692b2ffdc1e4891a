import { join } from 'node:path';
import ts from 'typescript';

/** One type the generator starts from: `import type { <type> } from '<module>'`, exported as `alias`. */
export interface RootImport {
  alias: string;
  module: string;
  type: string;
}

/**
 * A TypeScript program whose only root is a module that re-exports every root type under a known
 * alias. The module exists only in memory (a compiler host serves it), so generation writes
 * nothing but its output, and the imports resolve exactly as repository code does.
 */
export function createRootsProgram(
  repositoryRoot: string,
  roots: RootImport[],
): { program: ts.Program; rootsFile: string } {
  const rootsFile = join(repositoryRoot, 'tools/schemas/src/schema-roots.virtual.ts');
  const text = roots
    .map(
      (root) =>
        `import type { ${root.type} as ${root.alias}Import } from '${root.module}';\nexport type ${root.alias} = ${root.alias}Import;\n`,
    )
    .join('');
  const options = compilerOptions(repositoryRoot);
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (fileName, language, onError, shouldCreate) =>
    fileName === rootsFile
      ? ts.createSourceFile(fileName, text, language, true)
      : getSourceFile.call(host, fileName, language, onError, shouldCreate);
  host.fileExists = (fileName) => fileName === rootsFile || fileExists.call(host, fileName);
  host.readFile = (fileName) => (fileName === rootsFile ? text : readFile.call(host, fileName));

  const program = ts.createProgram([rootsFile], options, host);
  // Only the roots module is checked: a wrong module path or type name must fail loudly, while
  // the packages' own .d.ts files are trusted (skipLibCheck, as in the repository's tsconfig).
  const diagnostics = [
    ...program.getSyntacticDiagnostics(program.getSourceFile(rootsFile)),
    ...program.getSemanticDiagnostics(program.getSourceFile(rootsFile)),
  ];
  if (diagnostics.length > 0) {
    const message = ts.formatDiagnostics(diagnostics, {
      getCanonicalFileName: (name) => name,
      getCurrentDirectory: () => repositoryRoot,
      getNewLine: () => '\n',
    });
    throw new Error(`schema roots do not type-check:\n${message}`);
  }
  return { program, rootsFile };
}

function compilerOptions(repositoryRoot: string): ts.CompilerOptions {
  const configFile = join(repositoryRoot, 'tsconfig.json');
  const raw = ts.readConfigFile(configFile, ts.sys.readFile);
  if (raw.error) throw new Error(ts.flattenDiagnosticMessageText(raw.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(
    raw.config,
    ts.sys,
    repositoryRoot,
    undefined,
    configFile,
  );
  return { ...parsed.options, noEmit: true };
}
