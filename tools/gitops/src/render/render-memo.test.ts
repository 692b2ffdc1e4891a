import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScopedRender } from '@platform/core';
import { afterEach, describe, expect, it } from 'vitest';
import { readRenderMemo, renderMemoDirectory, renderMemoKey, writeRenderMemo } from './render-memo';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

const render = (content: string): ScopedRender => ({
  targets: [{ cluster: 'ci', app: 'platform' }],
  files: [{ path: 'rendered/ci/platform/c/configmap-a.yaml', content }],
});

describe('the render memo', () => {
  it('gives back the render remembered under a key, and nothing under another', () => {
    root = mkdtempSync(join(tmpdir(), 'render-memo-'));
    writeRenderMemo(root, 'k1', render('kind: ConfigMap\n'));
    expect(readRenderMemo(root, 'k1')).toEqual(render('kind: ConfigMap\n'));
    expect(readRenderMemo(root, 'k2')).toBeUndefined();
  });

  it('ignores a remembered render whose file is damaged', () => {
    root = mkdtempSync(join(tmpdir(), 'render-memo-'));
    writeRenderMemo(root, 'k1', render('kind: ConfigMap\n'));
    const file = join(renderMemoDirectory(root), 'k1.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('ConfigMap', 'Secret'));
    expect(readRenderMemo(root, 'k1')).toBeUndefined();
  });

  it('keeps the 16 renders used last', () => {
    root = mkdtempSync(join(tmpdir(), 'render-memo-'));
    for (let i = 0; i < 18; i++) {
      writeRenderMemo(root, `k${i}`, render(`n: ${i}\n`));
      const past = new Date(Date.now() - (100 - i) * 1000);
      utimesSync(join(renderMemoDirectory(root), `k${i}.json`), past, past);
    }
    writeRenderMemo(root, 'latest', render('n: latest\n'));
    const kept = readdirSync(renderMemoDirectory(root));
    expect(kept).toHaveLength(16);
    expect(kept).toContain('latest.json');
    expect(kept).not.toContain('k0.json');
  });

  it('has no key when the CLI runs from source (no bundles to name the code): every render is made', async () => {
    root = mkdtempSync(join(tmpdir(), 'render-memo-'));
    expect(await renderMemoKey(root, {})).toBeUndefined();
  });
});
