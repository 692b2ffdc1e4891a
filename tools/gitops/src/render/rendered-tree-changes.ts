import { renderedRoot } from '@platform/config';
import { targetDirectory, type RenderedFile, type ScopedRender } from '@platform/core';
import { readTree } from './rendered-tree';

/** What a render changes on disk: only files whose bytes differ, and files no longer rendered. */
export interface RenderedTreeChanges {
  /** New files and files whose content changed. */
  writes: RenderedFile[];
  /**
   * Files under the render's target directories that it no longer produces; for a render of the
   * whole tree, every file under rendered/ that it does not produce.
   */
  deletions: string[];
}

/**
 * Compares the render with its target directories on disk. A file with the same bytes is left
 * alone, so a render that changes nothing writes nothing, and one that changes a component writes
 * that component's files: the cost follows the change, not the size of rendered/.
 */
export function renderedTreeChanges(
  root: string,
  render: ScopedRender,
  wholeTree = false,
): RenderedTreeChanges {
  const onDisk = new Map<string, string>();
  const owned = wholeTree ? [renderedRoot] : render.targets.map(targetDirectory);
  for (const directory of owned) {
    for (const [path, content] of readTree(root, directory)) onDisk.set(path, content);
  }
  const rendered = new Set(render.files.map((file) => file.path));
  return {
    writes: render.files.filter((file) => onDisk.get(file.path) !== file.content),
    deletions: [...onDisk.keys()].filter((path) => !rendered.has(path)).sort(),
  };
}
