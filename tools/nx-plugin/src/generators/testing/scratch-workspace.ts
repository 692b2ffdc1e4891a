import { mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { execa } from 'execa';
import type { Tree } from '@nx/devkit';
import { flushChanges, FsTree } from 'nx/src/generators/tree';

const repositoryRoot = join(__dirname, '../../../../..');

/**
 * A clone of the repository as committed, with the checkout's node_modules linked in: generators
 * write into it through a real file-system tree, and the CLI renders it.
 */
export async function scratchWorkspace() {
  const root = mkdtempSync(join(tmpdir(), 'generator-test-'));
  await execa('git', ['clone', '-q', '--no-hardlinks', repositoryRoot, root]);
  symlinkSync(join(repositoryRoot, 'node_modules'), join(root, 'node_modules'));
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(VITEST|NX_|TEST$)/.test(name)),
  );
  return {
    root,
    /** Runs a generator against the workspace's files and writes what it changed. */
    async generate<Options>(
      generator: (tree: Tree, options: Options) => Promise<unknown>,
      options: Options,
    ) {
      const tree = new FsTree(root, false);
      await generator(tree, options);
      flushChanges(root, tree.listChanges());
    },
    gitops: (...args: string[]) =>
      execa('node', ['tools/gitops/bin/gitops.mjs', ...args], {
        cwd: root,
        reject: false,
        all: true,
        env,
        extendEnv: false,
      }),
    vitest: (path: string) =>
      execa('node', ['node_modules/vitest/vitest.mjs', 'run', path], {
        cwd: root,
        reject: false,
        all: true,
        env,
        extendEnv: false,
      }),
    /** Files under a directory of the workspace, relative to it, sorted. */
    files(directory: string): string[] {
      const base = join(root, directory);
      const found: string[] = [];
      const walk = (dir: string) => {
        for (const entry of readdirSync(dir)) {
          const path = join(dir, entry);
          if (statSync(path).isDirectory()) walk(path);
          else found.push(relative(base, path));
        }
      };
      walk(base);
      return found.sort();
    },
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}
