import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
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

/** The scratch directory of one render's write phase: `render-<pid>-<time>`. */
const renderScratch = /^render-\d+-\d+$/;

/**
 * Written once every new file is staged, before the first rename: what the swap does. A render
 * killed after this point is finished by the next one (`finishInterruptedRenders`); one killed
 * before it changed nothing in rendered/.
 */
const journalFile = 'swap.json';

interface SwapJournal {
  writes: string[];
  deletions: string[];
}

/** One change made to rendered/, with what undoes it. */
interface AppliedChange {
  live: string;
  /** A link to the file it replaced or deleted, in the scratch directory; none if it was new. */
  previous?: string;
}

/**
 * Brings each target directory of the render to exactly the rendered files (and, for a render of
 * everything, all of rendered/: a file no render makes, anywhere under it, is removed). Only
 * files whose bytes differ are written and only files no longer rendered are deleted (deleting
 * thousands of unchanged files cost seconds). New contents are written to a scratch directory
 * first and moved into place with renames, after the whole render and every check succeeded;
 * each file replaced or deleted is kept (a hard link) until the end, and any error puts every one
 * of them back. Call it holding the render lock.
 */
export function writeRenderedTree(
  root: string,
  render: ScopedRender,
  { wholeTree = false }: { wholeTree?: boolean } = {},
): RenderedTreeChanges {
  const changes = renderedTreeChanges(root, render, wholeTree);
  if (changes.writes.length + changes.deletions.length > 0) {
    const scratch = join(root, scratchDirectory, `render-${process.pid}-${Date.now()}`);
    try {
      applyChanges(root, scratch, changes);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  // Directories a deletion emptied, up to the target (gone when it renders nothing any more) and
  // its cluster directory.
  const rendered = join(root, renderedRoot);
  for (const path of changes.deletions) removeEmptyParents(join(root, dirname(path)), rendered);
  for (const target of render.targets) {
    removeEmptyParents(join(root, targetDirectory(target)), rendered);
  }
  return changes;
}

/** What an interrupted render left and the next one finished. */
export interface FinishedRender {
  scratch: string;
  written: number;
  deleted: number;
}

/**
 * Finishes the write phase of every render that was killed during it (its scratch directory is
 * still there): the files it had staged and not yet moved are moved into place and the files it
 * was deleting are deleted, so rendered/ is the render that had passed every check, whole; a
 * render killed before its swap began changed nothing and its scratch is just removed. Call it
 * holding the render lock (no other render is writing).
 */
export function finishInterruptedRenders(root: string): FinishedRender[] {
  const scratchRoot = join(root, scratchDirectory);
  if (!existsSync(scratchRoot)) return [];
  return readdirSync(scratchRoot)
    .filter((name) => renderScratch.test(name))
    .map((name) => {
      const scratch = join(scratchRoot, name);
      const finished = rollForward(root, scratch);
      rmSync(scratch, { recursive: true, force: true });
      return { scratch: `${scratchDirectory}/${name}`, ...finished };
    });
}

function rollForward(root: string, scratch: string): { written: number; deleted: number } {
  let journal: SwapJournal;
  try {
    journal = JSON.parse(readFileSync(join(scratch, journalFile), 'utf8')) as SwapJournal;
  } catch {
    return { written: 0, deleted: 0 };
  }
  let written = 0;
  let deleted = 0;
  for (const path of journal.writes) {
    const staged = join(scratch, 'new', path);
    if (!existsSync(staged)) continue;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    renameSync(staged, join(root, path));
    written += 1;
  }
  const rendered = join(root, renderedRoot);
  for (const path of journal.deletions) {
    if (!existsSync(join(root, path))) continue;
    unlinkSync(join(root, path));
    removeEmptyParents(join(root, dirname(path)), rendered);
    deleted += 1;
  }
  return { written, deleted };
}

function applyChanges(root: string, scratch: string, changes: RenderedTreeChanges) {
  const staged = join(scratch, 'new');
  mkdirSync(scratch, { recursive: true });
  for (const file of changes.writes) {
    const path = join(staged, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  const journal: SwapJournal = {
    writes: changes.writes.map((file) => file.path),
    deletions: changes.deletions,
  };
  writeFileSync(join(scratch, journalFile), JSON.stringify(journal));
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
 * Removes the directory if it is empty; says whether it is gone. Tolerates a parallel render
 * filling the directory meanwhile.
 */
export function removeIfEmpty(directory: string): boolean {
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
