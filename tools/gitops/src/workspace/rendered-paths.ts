import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderedRoot } from '@platform/config';

/**
 * What validate and policy read when no paths are given: `rendered/`, or only the
 * `rendered/<cluster>/<app>` directories that exist for --cluster and --app (the Nx targets' scope).
 */
export function renderedPaths({
  root,
  app,
  cluster,
}: {
  root: string;
  app?: string;
  cluster?: string;
}): string[] {
  const rendered = join(root, renderedRoot);
  if (!app && !cluster) return [rendered];
  if (!existsSync(rendered)) return [];
  const clusters = cluster ? [cluster] : readdirSync(rendered);
  return clusters
    .map((name) => (app ? join(rendered, name, app) : join(rendered, name)))
    .filter((directory) => existsSync(directory));
}
