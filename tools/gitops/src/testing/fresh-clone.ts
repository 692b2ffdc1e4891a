import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { repositoryRoot } from '../workspace/repository-root';

/**
 * A fresh clone of the committed repository in a temporary directory whose name has a space, with
 * node_modules as `npm ci` would lay it out there, without installing: every package links to this
 * checkout's, but the workspace package (`@platform/gitops-cli`, behind `node_modules/.bin/gitops`)
 * links to the clone's own tools/gitops, so `npx gitops` in the clone runs the clone; and its own
 * empty `.cache` (bundles, the extracted Helm), so the clone never replaces a bundle that a
 * process of this checkout is running.
 */
export async function freshClone(prefix: string): Promise<string> {
  const clone = mkdtempSync(join(tmpdir(), `${prefix} `));
  await execa('git', ['clone', '-q', repositoryRoot, clone]);
  const installed = join(repositoryRoot, 'node_modules');
  const modules = join(clone, 'node_modules');
  mkdirSync(join(modules, '.bin'), { recursive: true });
  mkdirSync(join(modules, '.cache'));
  for (const entry of readdirSync(installed)) {
    if (entry === '.bin' || entry === '@platform' || entry === '.cache') continue;
    symlinkSync(join(installed, entry), join(modules, entry));
  }
  // Relative links, as npm writes them: they resolve inside the clone's node_modules.
  for (const command of readdirSync(join(installed, '.bin')))
    symlinkSync(readlinkSync(join(installed, '.bin', command)), join(modules, '.bin', command));
  mkdirSync(join(modules, '@platform'));
  for (const workspace of readdirSync(join(installed, '@platform')))
    symlinkSync(
      readlinkSync(join(installed, '@platform', workspace)),
      join(modules, '@platform', workspace),
    );
  writeFileSync(join(clone, '.git/info/exclude'), 'node_modules\n');
  return clone;
}
