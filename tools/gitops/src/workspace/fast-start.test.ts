import { readFileSync, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from './repository-root';

/**
 * The fast start the README documents beside `npx gitops`: the workspace's node_modules/.bin on
 * PATH runs the CLI's own launcher directly, without npm in front of it.
 */
describe('gitops from node_modules/.bin on PATH', () => {
  it('is the CLI launcher of this repository', () => {
    expect(realpathSync(join(repositoryRoot, 'node_modules/.bin/gitops'))).toBe(
      realpathSync(join(repositoryRoot, 'tools/gitops/bin/gitops.mjs')),
    );
  });

  it('runs as `gitops`, as the README writes it', async () => {
    const result = await execa('gitops', ['--help'], {
      cwd: repositoryRoot,
      env: { PATH: `${join(repositoryRoot, 'node_modules/.bin')}${delimiter}${process.env.PATH}` },
      reject: false,
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Commands:$/m);
  });

  it('is what the README tells people to put on PATH', () => {
    const readme = readFileSync(join(repositoryRoot, 'README.md'), 'utf8');
    expect(readme).toContain('export PATH="$PWD/node_modules/.bin:$PATH"');
  });
});
