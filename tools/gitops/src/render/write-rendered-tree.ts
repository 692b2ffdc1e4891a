import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  rmdirSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { renderedRoot } from '@platform/config';
import { targetDirectory, type ScopedRender } from '@platform/core';

/** Scratch space inside the repo (same filesystem, so renames are atomic); git-ignored. */
export const scratchDirectory = '.gitops-tmp';

/**
 * Replaces each target directory of the render with its new contents. Everything is written to a
 * staging directory first and moved into place with renames, so rendered/ only changes after the
 * whole render and every check succeeded, and a crash mid-swap rolls back.
 */
export function writeRenderedTree(root: string, render: ScopedRender): void {
  const scratch = join(root, scratchDirectory, `render-${process.pid}-${Date.now()}`);
  const staging = join(scratch, 'new');
  const previous = join(scratch, 'old');
  mkdirSync(staging, { recursive: true });
  mkdirSync(previous, { recursive: true });
  try {
    for (const file of render.files) {
      const path = join(staging, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
    const moved: { live: string; old: string; replaced: boolean }[] = [];
    try {
      for (const target of render.targets) {
        const live = join(root, targetDirectory(target));
        const old = join(previous, targetDirectory(target));
        const fresh = join(staging, targetDirectory(target));
        const hadLive = existsSync(live);
        if (hadLive) {
          mkdirSync(dirname(old), { recursive: true });
          renameSync(live, old);
        }
        moved.push({ live, old, replaced: hadLive });
        if (existsSync(fresh)) {
          mkdirSync(dirname(live), { recursive: true });
          renameSync(fresh, live);
        }
      }
    } catch (error) {
      for (const { live, old, replaced } of moved.reverse()) {
        rmSync(live, { recursive: true, force: true });
        if (replaced) renameSync(old, live);
      }
      throw error;
    }
    for (const target of render.targets) removeIfEmpty(join(root, renderedRoot, target.cluster));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    removeIfEmpty(join(root, scratchDirectory));
  }
}

/** Tolerates a parallel render (Nx runs apps concurrently) filling the directory meanwhile. */
function removeIfEmpty(directory: string) {
  try {
    if (existsSync(directory) && readdirSync(directory).length === 0) rmdirSync(directory);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'ENOENT' && code !== 'EEXIST') throw error;
  }
}
