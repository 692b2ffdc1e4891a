import { targetDirectory, type RenderedFile, type ScopedRender } from '@platform/core';
import { readTree } from './rendered-tree';

/** What a render changes on disk: only files whose bytes differ, and files no longer rendered. */
export interface RenderedTreeChanges {
  /** New files and files whose content changed. */
  writes: RenderedFile[];
  /** Files under the render's target directories that it no longer produces. */
  deletions: string[];
}

/**
 * Compares the render with its target directories on disk. A file with the same bytes is left
 * alone, so a render that changes nothing writes nothing, and one that changes a component writes
 * that component's files: the cost follows the change, not the size of rendered/.
 */
export function renderedTreeChanges(root: string, render: ScopedRender): RenderedTreeChanges {
  const onDisk = new Map<string, string>();
  for (const target of render.targets) {
    for (const [path, content] of readTree(root, targetDirectory(target))) {
      onDisk.set(path, content);
    }
  }
  const rendered = new Set(render.files.map((file) => file.path));
  return {
    writes: render.files.filter((file) => onDisk.get(file.path) !== file.content),
    deletions: [...onDisk.keys()].filter((path) => !rendered.has(path)).sort(),
  };
}
