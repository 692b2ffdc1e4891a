import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeIfEmpty, scratchDirectory } from './write-rendered-tree';

/** Who holds the lock, as written in it. */
export interface RenderLockOwner {
  pid: number;
  since: string;
}

export interface RenderLockOptions {
  /** Called once if the lock is held by a running process and this one starts to wait. */
  onWait?: (owner: RenderLockOwner, lockFile: string) => void;
  /** How long to wait for a running holder before refusing (default ten minutes). */
  maxWaitMs?: number;
}

export class RenderLockTimeout extends Error {
  override name = 'RenderLockTimeout';
}

export const renderLockFile = `${scratchDirectory}/render.lock`;

/**
 * Takes the lock that lets one render at a time write rendered/ (and the documents made from it);
 * returns its release. A render of another app waits for it (Nx runs renders in parallel), then
 * writes on top of what the other wrote. A lock whose process no longer runs (killed) is taken
 * over. Rendering in memory needs no lock: only the write phase holds it.
 */
export async function acquireRenderLock(
  root: string,
  options: RenderLockOptions = {},
): Promise<() => void> {
  const path = join(root, renderLockFile);
  const me: RenderLockOwner = { pid: process.pid, since: new Date().toISOString() };
  const deadline = Date.now() + (options.maxWaitMs ?? 10 * 60 * 1000);
  let told = false;
  for (let pause = 50; ; pause = Math.min(pause * 2, 500)) {
    // Made each time: a render that released the lock removes the directory when it is empty.
    mkdirSync(join(root, scratchDirectory), { recursive: true });
    try {
      writeFileSync(path, `${JSON.stringify(me)}\n`, { flag: 'wx' });
      return () => {
        rmSync(path, { force: true });
        removeIfEmpty(join(root, scratchDirectory));
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // ENOENT: the holder that just let go removed the empty directory after this one made it.
      if (code === 'ENOENT') continue;
      if (code !== 'EEXIST') throw error;
    }
    const owner = readOwner(path);
    if (owner ? !isRunning(owner.pid) : abandonedEmpty(path)) {
      // Moved aside rather than deleted: of two waiters that both found it stale, one moves it.
      try {
        renameSync(path, `${path}.stale-${process.pid}`);
        rmSync(`${path}.stale-${process.pid}`, { force: true });
      } catch {
        // The other waiter moved it first.
      }
      continue;
    }
    if (Date.now() >= deadline)
      throw new RenderLockTimeout(
        `another render${owner ? ` (process ${owner.pid}, since ${owner.since})` : ''} holds ${renderLockFile}: if it hangs, stop it; if no such process runs, delete the file`,
      );
    if (!told && owner) options.onWait?.(owner, renderLockFile);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

function readOwner(path: string): RenderLockOwner | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as RenderLockOwner;
  } catch {
    // Released meanwhile, or being written this instant: try again.
    return undefined;
  }
}

/** A lock file that holds no owner some seconds after it was made: its writer died making it. */
function abandonedEmpty(path: string): boolean {
  try {
    return statSync(path).mtimeMs < Date.now() - 5_000;
  } catch {
    return false;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
