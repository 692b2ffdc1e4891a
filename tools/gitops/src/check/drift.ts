import { renderedRoot } from '@platform/config';
import type { ScopedRender } from '@platform/core';
import { readTree } from '../render/rendered-tree';

export type DriftKind = 'missing' | 'stale' | 'modified';

/** A file whose committed state differs from a fresh render. */
export interface DriftEntry {
  path: string;
  /** missing: render makes it but rendered/ lacks it; stale: rendered/ has it but render does not. */
  kind: DriftKind;
}

/**
 * Compares a full in-memory render with everything under rendered/ on disk, including files no
 * render would produce (hand-added, renamed, left behind), so every kind of drift is caught.
 */
export function findDrift(root: string, render: ScopedRender): DriftEntry[] {
  const onDisk = readTree(root, renderedRoot);
  const expected = new Map(render.files.map((f) => [f.path, f.content]));
  const drift: DriftEntry[] = [];
  for (const [path, content] of expected) {
    const actual = onDisk.get(path);
    if (actual === undefined) drift.push({ path, kind: 'missing' });
    else if (actual !== content) drift.push({ path, kind: 'modified' });
  }
  for (const path of onDisk.keys()) if (!expected.has(path)) drift.push({ path, kind: 'stale' });
  return drift.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
