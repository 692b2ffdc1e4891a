import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A command is its folder: it may import libraries and the CLI's shared modules (cli/, render/,
 * workspace/, …), never another command, the command list or main.ts. Logic two commands need
 * belongs in a library or a shared module, so no command's change reaches into another.
 */
const commandsDirectory = __dirname;
const sourceRoot = dirname(commandsDirectory);

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every relative module a file imports, statically or dynamically, as a path from src/. */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import\(?)\s*'(\.[^']+)'/g)].map((match) =>
    relative(sourceRoot, resolve(dirname(file), match[1]!)),
  );
}

const commandFolders = readdirSync(commandsDirectory).filter((entry) =>
  statSync(join(commandsDirectory, entry)).isDirectory(),
);

describe('each command is independent of the others', () => {
  it('finds the command folders', () => {
    expect(commandFolders).toEqual(expect.arrayContaining(['render', 'check', 'validate']));
  });

  for (const folder of commandFolders) {
    it(`commands/${folder} imports no other command, no command list and not main.ts`, () => {
      const offending = sourceFiles(join(commandsDirectory, folder)).flatMap((file) =>
        relativeImports(file)
          .filter(
            (target) =>
              target === 'main' ||
              target === 'commands' ||
              target === 'commands/index' ||
              (target.startsWith('commands/') && !target.startsWith(`commands/${folder}/`)),
          )
          .map((target) => `${relative(sourceRoot, file)} → ${target}`),
      );
      expect(offending).toEqual([]);
    });
  }

  it('no module outside commands/ imports a command implementation (only main.ts the list)', () => {
    const outside = sourceFiles(sourceRoot).filter((file) => !file.startsWith(commandsDirectory));
    const offending = outside.flatMap((file) =>
      relativeImports(file)
        .filter(
          (target) =>
            target.startsWith('commands/') || (target === 'commands' && !file.endsWith('main.ts')),
        )
        .map((target) => `${relative(sourceRoot, file)} → ${target}`),
    );
    expect(offending).toEqual([]);
  });
});
