import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository this library lives in: its node_modules/.cache holds generated code. */
export const repositoryRoot = fileURLToPath(new URL('../../../../../', import.meta.url));

/** A directory of generated code under node_modules/.cache, by purpose. */
export function codeCacheDirectory(purpose: string): string {
  return join(repositoryRoot, 'node_modules/.cache', purpose);
}

/**
 * A directory for bundles of this checkout's sources. Checkouts can share one node_modules (a
 * worktree or a test's scratch clone linking it): a bundle stamped as fresh for one checkout's
 * files must not be taken for another's, whose sources may differ.
 */
export function checkoutBundleDirectory(purpose: string): string {
  const checkout = createHash('sha256').update(repositoryRoot).digest('hex').slice(0, 12);
  return join(codeCacheDirectory(purpose), checkout);
}

/**
 * Writes aside and renames: a process reading meanwhile sees the old file or the new one, whole,
 * never a half-written one, even when two processes write the same entry at once.
 */
export function writeAtomically(path: string, contents: string | Uint8Array): void {
  mkdirSync(join(path, '..'), { recursive: true });
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/**
 * Writes an entry of a cache directory whose entries are named by digest (so never stale, only
 * unused), removing at the same time the entries of its kind (its extension) written more than
 * a week ago: those still in use come back, once. Throws when the directory is not writable.
 */
export function writeEntry(path: string, contents: string | Uint8Array): void {
  writeAtomically(path, contents);
  const directory = dirname(path);
  const kind = extname(path);
  const weekAgo = Date.now() - 7 * 24 * 60 * 60 * 1000;
  for (const name of readdirSync(directory)) {
    const entry = join(directory, name);
    if (extname(name) === kind && statSync(entry).mtimeMs < weekAgo) rmSync(entry, { force: true });
  }
}
