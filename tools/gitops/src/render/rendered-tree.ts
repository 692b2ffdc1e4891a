import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { renderedRoot } from '@platform/config';
import type { RenderTarget } from '@platform/core';

/** The `rendered/<cluster>/<app>` directories present on disk. */
export function existingTargets(root: string): RenderTarget[] {
  const renderedDir = join(root, renderedRoot);
  if (!existsSync(renderedDir)) return [];
  const targets: RenderTarget[] = [];
  for (const cluster of readdirSync(renderedDir)) {
    const clusterDir = join(renderedDir, cluster);
    if (!statSync(clusterDir).isDirectory()) continue;
    for (const app of readdirSync(clusterDir)) {
      if (statSync(join(clusterDir, app)).isDirectory()) targets.push({ cluster, app });
    }
  }
  return targets;
}

/**
 * Every file under a directory (or those whose name `include` accepts: the others are not read),
 * as repository-relative POSIX paths mapped to their bytes.
 */
export function readTree(
  root: string,
  directory: string,
  include: (name: string) => boolean = () => true,
): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (include(entry.name)) {
        files.set(relative(root, path).split(sep).join('/'), readFileSync(path, 'utf8'));
      }
    }
  };
  walk(join(root, directory));
  return files;
}
