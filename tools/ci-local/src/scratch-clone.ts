import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { repositoryRoot } from '@platform/gitops';

/**
 * A clone of the repository as committed (HEAD), with the checkout's node_modules linked in (as a
 * GitLab cache hit would restore them), and a committer identity for the test's own commits.
 */
export async function scratchClone(prefix: string) {
  const root = mkdtempSync(join(tmpdir(), prefix));
  await execa('git', ['clone', '-q', '--no-hardlinks', repositoryRoot, root]);
  symlinkSync(join(repositoryRoot, 'node_modules'), join(root, 'node_modules'));
  const git = (...args: string[]) => execa('git', args, { cwd: root });
  await git('config', 'user.name', 'ci-local test');
  await git('config', 'user.email', 'ci-local@example.com');
  const head = (await git('rev-parse', 'HEAD')).stdout.trim();
  return { root, head, git, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** The environment of the test process without what vitest and an outer Nx set. */
export function cleanEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(VITEST|NX_|TEST$|NODE_OPTIONS$)/.test(name)),
  );
}
