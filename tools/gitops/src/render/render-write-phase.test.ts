import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import {
  emptyWorkspace,
  noCharts,
  settingsComponent,
  testCatalog,
  testInventory,
} from '../testing/fixture-catalog';
import { treeFingerprint } from '../testing/tree-fingerprint';
import { acquireRenderLock, renderLockFile, RenderLockTimeout } from './render-lock';
import { renderInMemory, renderToDisk, type RenderPipelineOptions } from './render-pipeline';
import { renderedTreeChanges } from './rendered-tree-changes';
import { finishInterruptedRenders, scratchDirectory } from './write-rendered-tree';

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((dispose) => dispose());
  cleanups = [];
});

function workspace(): string {
  const { root, dispose } = emptyWorkspace();
  cleanups.push(dispose);
  return root;
}

const options = (root: string, extra: Partial<RenderPipelineOptions> = {}) => ({
  root,
  catalog: testCatalog(),
  inventory: testInventory,
  inflate: noCharts,
  ...extra,
});
const fingerprint = (root: string) => treeFingerprint(join(root, 'rendered'));

/** A process id that no process has any more: a child that already exited. */
async function finishedProcessId(): Promise<number> {
  const child = execa('node', ['-e', '']);
  await child;
  return child.pid!;
}

describe('one render writes at a time', () => {
  it('a second render waits for the lock, then writes, and says it waited', async () => {
    const root = workspace();
    const release = await acquireRenderLock(root);
    const waited: number[] = [];
    let released = false;
    const second = renderToDisk({
      ...options(root),
      onWait: (owner) => waited.push(owner.pid),
    }).then(() => released);
    // The second render is parked on the lock: let it find it held, then let go.
    while (waited.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(existsSync(join(root, 'rendered'))).toBe(false);
    released = true;
    release();
    expect(await second).toBe(true);
    expect(waited).toEqual([process.pid]);
    expect(existsSync(join(root, 'rendered/ci-one/platform'))).toBe(true);
    expect(existsSync(join(root, renderLockFile))).toBe(false);
  });

  it('refuses clearly when the holder does not let go in time', async () => {
    const root = workspace();
    const release = await acquireRenderLock(root);
    try {
      const refused = renderToDisk({ ...options(root), maxWaitMs: 0 });
      await expect(refused).rejects.toThrow(RenderLockTimeout);
      await expect(refused).rejects.toThrow(
        new RegExp(
          `another render \\(process ${process.pid}, since .*\\) holds \\.gitops-tmp/render\\.lock`,
        ),
      );
    } finally {
      release();
    }
  });

  it('takes over the lock of a render that was killed (its process is gone)', async () => {
    const root = workspace();
    mkdirSync(join(root, scratchDirectory), { recursive: true });
    const pid = await finishedProcessId();
    writeFileSync(join(root, renderLockFile), JSON.stringify({ pid, since: 'earlier' }));
    await renderToDisk({ ...options(root), maxWaitMs: 0 });
    expect(existsSync(join(root, 'rendered/ci-one/platform'))).toBe(true);
    expect(existsSync(join(root, scratchDirectory))).toBe(false);
  });
});

describe('a render killed during its write phase', () => {
  /**
   * What a render killed halfway through its swap leaves: its scratch with the journal, the first
   * of its writes already moved into place, the rest still staged, no deletion done yet.
   */
  async function killedHalfway(root: string) {
    await renderToDisk(options(root));
    const next = testCatalog({
      'platform/settings': settingsComponent({ level: 'debug' }),
      'platform/namespaces': undefined,
    });
    const { render } = await renderInMemory(options(root, { catalog: next }));
    const changes = renderedTreeChanges(root, render);
    expect(changes.writes.length).toBeGreaterThan(0);
    expect(changes.deletions.length).toBeGreaterThan(0);
    const scratch = join(root, scratchDirectory, 'render-4194304-1');
    for (const file of changes.writes) {
      mkdirSync(join(scratch, 'new', file.path, '..'), { recursive: true });
      writeFileSync(join(scratch, 'new', file.path), file.content);
    }
    writeFileSync(
      join(scratch, 'swap.json'),
      JSON.stringify({ writes: changes.writes.map((f) => f.path), deletions: changes.deletions }),
    );
    const [first] = changes.writes;
    writeFileSync(join(root, first!.path), first!.content);
    return render;
  }

  it('is finished by the next render: rendered/ is the whole render that had passed its checks', async () => {
    const root = workspace();
    const interrupted = await killedHalfway(root);
    const finished = finishInterruptedRenders(root);
    expect(finished).toEqual([
      expect.objectContaining({ scratch: `${scratchDirectory}/render-4194304-1` }),
    ]);
    expect(
      Object.keys(fingerprint(root))
        .map((p) => `rendered/${p}`)
        .sort(),
    ).toEqual(interrupted.files.map((f) => f.path).sort());
    for (const file of interrupted.files)
      expect(readFileSync(join(root, file.path), 'utf8')).toBe(file.content);
    expect(existsSync(join(root, scratchDirectory, 'render-4194304-1'))).toBe(false);
  });

  it('is finished, then overwritten, by a render through the CLI path, which reports it', async () => {
    const root = workspace();
    await killedHalfway(root);
    const result = await renderToDisk(options(root));
    expect(result.finished).toHaveLength(1);
    const fresh = workspace();
    await renderToDisk(options(fresh));
    expect(fingerprint(root)).toEqual(fingerprint(fresh));
    expect(existsSync(join(root, scratchDirectory))).toBe(false);
  });

  it('before its swap began (no journal) changed nothing, and its scratch is just removed', async () => {
    const root = workspace();
    await renderToDisk(options(root));
    const before = fingerprint(root);
    const scratch = join(root, scratchDirectory, 'render-4194304-2');
    mkdirSync(join(scratch, 'new/rendered/ci-one/platform/settings'), { recursive: true });
    writeFileSync(join(scratch, 'new/rendered/ci-one/platform/settings/half.yaml'), 'kind: Con');
    expect(finishInterruptedRenders(root)).toEqual([
      { scratch: `${scratchDirectory}/render-4194304-2`, written: 0, deleted: 0 },
    ]);
    expect(fingerprint(root)).toEqual(before);
  });
});

describe('files no render makes', () => {
  it('anywhere under rendered/ are removed by a render of everything, and left by a render of one app', async () => {
    const root = workspace();
    await renderToDisk(options(root));
    const strays = [
      'rendered/notes.txt',
      'rendered/ci-one/stray.yaml',
      'rendered/ci-one/gone/x/a.yaml',
    ];
    for (const stray of strays) {
      mkdirSync(join(root, stray, '..'), { recursive: true });
      writeFileSync(join(root, stray), 'left behind\n');
    }
    await renderToDisk(options(root, { scope: { app: 'platform' } }));
    // Not its directories: a render of one app owns rendered/<cluster>/<app> only.
    expect(strays.filter((stray) => existsSync(join(root, stray)))).toEqual(strays);
    await renderToDisk(options(root));
    expect(strays.filter((stray) => existsSync(join(root, stray)))).toEqual([]);
    const fresh = workspace();
    await renderToDisk(options(fresh));
    expect(fingerprint(root)).toEqual(fingerprint(fresh));
  });
});
