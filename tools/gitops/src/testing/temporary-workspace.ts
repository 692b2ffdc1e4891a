import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { repositoryRoot } from '../workspace/repository-root';

/**
 * A scratch directory holding a copy of the committed rendered/ tree (and a link to the real
 * apps/, for CLI runs), removed by `dispose`.
 */
export function workspaceWithRenderedCopy(): { root: string; dispose: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'gitops-test-'));
  cpSync(join(repositoryRoot, 'rendered'), join(root, 'rendered'), { recursive: true });
  symlinkSync(join(repositoryRoot, 'apps'), join(root, 'apps'));
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** Path → sha256 of every file under a directory: equal fingerprints mean byte-identical trees. */
export function treeFingerprint(directory: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else
        result[relative(directory, path)] = createHash('sha256')
          .update(readFileSync(path))
          .digest('hex');
    }
  };
  walk(directory);
  return result;
}
