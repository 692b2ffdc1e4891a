import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  rmdirSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { renderedRoot } from '@platform/config';
import { targetDirectory, type ScopedRender } from '@platform/core';
import { renderedTreeChanges, type RenderedTreeChanges } from './rendered-tree-changes';

/** Scratch space inside the repo (same filesystem, so renames are atomic); git-ignored. */
export const scratchDirectory = '.gitops-tmp';

/** One change made to rendered/, with what undoes it. */
interface AppliedChange {
  live: string;
  /** A link to the file it replaced or deleted, in the scratch directory; none if it was new. */
  previous?: string;
}

/**
 * Brings each target directory of the render to exactly the rendered files. Only files whose
 * bytes differ are written and only files no longer rendered are deleted (deleting thousands of
 * unchanged files cost seconds). New contents are written to a scratch directory first and moved
 * into place with renames, after the whole render and every check succeeded; each file replaced
 * or deleted is kept (a hard link) until the end, and any error puts every one of them back.
 */
export function writeRenderedTree(root: string, render: ScopedRender): void {
  const changes = renderedTreeChanges(root, render);
  if (changes.writes.length + changes.deletions.length > 0) {
    const scratch = join(root, scratchDirectory, `render-${process.pid}-${Date.now()}`);
    try {
      applyChanges(root, scratch, changes);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
      removeIfEmpty(join(root, scratchDirectory));
    }
  }
  // Directories a deletion emptied, up to the target (gone when it renders nothing any more) and
  // its cluster directory.
  const rendered = join(root, renderedRoot);
  for (const path of changes.deletions) removeEmptyParents(join(root, dirname(path)), rendered);
  for (const target of render.targets) {
    removeEmptyParents(join(root, targetDirectory(target)), rendered);
  }
}

function applyChanges(root: string, scratch: string, changes: RenderedTreeChanges) {
  const staged = join(scratch, 'new');
  for (const file of changes.writes) {
    const path = join(staged, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  const applied: AppliedChange[] = [];
  try {
    for (const file of changes.writes) {
      const live = join(root, file.path);
      applied.push({ live, previous: keepPrevious(live, join(scratch, 'old', file.path)) });
      mkdirSync(dirname(live), { recursive: true });
      renameSync(join(staged, file.path), live);
    }
    for (const path of changes.deletions) {
      const live = join(root, path);
      applied.push({ live, previous: keepPrevious(live, join(scratch, 'old', path)) });
      unlinkSync(live);
    }
  } catch (error) {
    for (const { live, previous } of applied.reverse()) {
      rmSync(live, { force: true });
      if (previous) renameSync(previous, live);
      else removeEmptyParents(dirname(live), join(root, renderedRoot));
    }
    throw error;
  }
}

/** A second name for the file about to be replaced or deleted (a copy where links fail). */
function keepPrevious(live: string, kept: string): string | undefined {
  if (!existsSync(live)) return undefined;
  mkdirSync(dirname(kept), { recursive: true });
  try {
    linkSync(live, kept);
  } catch {
    copyFileSync(live, kept);
  }
  return kept;
}

/** `directory` and its parents, up to (not including) `top`, while they are empty. */
function removeEmptyParents(directory: string, top: string) {
  for (let dir = directory; dir.startsWith(`${top}/`); dir = dirname(dir)) {
    if (!removeIfEmpty(dir)) return;
  }
}

/**
 * Removes the directory if it is empty; says whether it is gone. Tolerates a parallel render (Nx
 * runs apps concurrently) filling the directory meanwhile.
 */
function removeIfEmpty(directory: string): boolean {
  try {
    if (!existsSync(directory)) return true;
    if (readdirSync(directory).length > 0) return false;
    rmdirSync(directory);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'ENOENT' && code !== 'EEXIST') throw error;
    return code === 'ENOENT';
  }
}
