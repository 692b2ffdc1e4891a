import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { RenderScope, ScopedRender } from '@platform/core';
import { resolveHelm } from '../helm';
import { readVendorLock, sha256File } from '../vendor';
import { freshComponentBundle } from '../workspace/component-bundle';
import { bundledLibraries } from '../workspace/library-bundle';
import { findComponentFiles } from '../workspace/load-catalog';
import { existingTargets } from './rendered-tree';

/** Bump when the render depends on something new that the key below does not cover. */
const memoFormat = 1;

/** How many renders (scopes, versions of the tree) are remembered. */
const kept = 16;

/**
 * A render is a pure function of its code and data (rendered bytes are deterministic: tested
 * across time zones and locales, and every chart is inflated twice), so a render of the same inputs
 * is remembered instead of repeated. The key holds everything it reads: the bundle of the
 * component files and every file they import (its name is a digest of their bytes, and of the CLI
 * bundle's, which holds the engine, the libraries and the inventory), the installed packages
 * (package-lock.json), the bytes of every vendored file, the Helm binary's digest, the Node
 * version, the scope and the rendered/ directories that exist. Undefined (no memo) when the CLI
 * runs from source, or when the component bundle would have to be built first.
 */
export async function renderMemoKey(root: string, scope: RenderScope): Promise<string | undefined> {
  const libraries = bundledLibraries();
  if (!libraries) return undefined;
  const files = findComponentFiles(root).map((component) => component.file);
  const components = freshComponentBundle(root, files, libraries);
  if (!components) return undefined;
  const vendored = readVendorLock(root).artifacts.map((artifact) => [
    artifact.path,
    sha256File(join(root, artifact.path)),
  ]);
  const helm = await resolveHelm();
  return createHash('sha256')
    .update(
      JSON.stringify({
        format: memoFormat,
        components,
        packages: sha256File(join(root, 'package-lock.json')),
        vendored,
        helm: helm.sha256,
        node: process.version,
        scope: { app: scope.app ?? null, cluster: scope.cluster ?? null },
        existing: existingTargets(root),
      }),
    )
    .digest('hex');
}

export function renderMemoDirectory(root: string): string {
  return join(root, 'node_modules', '.cache', 'gitops-render');
}

/** The remembered render, if its file is whole (its header's digest matches). */
export function readRenderMemo(root: string, key: string): ScopedRender | undefined {
  const path = join(renderMemoDirectory(root), `${key}.json`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  const body = text.slice(newline + 1);
  if (text.slice(0, newline) !== digest(body)) return undefined;
  const now = new Date();
  utimesSync(path, now, now);
  return JSON.parse(body) as ScopedRender;
}

/** Remembers a render (atomically: written aside, then renamed), keeping the latest few. */
export function writeRenderMemo(root: string, key: string, render: ScopedRender): void {
  const directory = renderMemoDirectory(root);
  mkdirSync(directory, { recursive: true });
  const body = JSON.stringify({ targets: render.targets, files: render.files });
  const path = join(directory, `${key}.json`);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${digest(body)}\n${body}`);
  renameSync(temporary, path);
  pruneOldest(directory);
}

const digest = (body: string) => createHash('sha256').update(body).digest('hex');

function pruneOldest(directory: string) {
  const entries = readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) => {
      try {
        return [{ name, used: statSync(join(directory, name)).mtimeMs }];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.used - a.used);
  for (const { name } of entries.slice(kept)) rmSync(join(directory, name), { force: true });
}
