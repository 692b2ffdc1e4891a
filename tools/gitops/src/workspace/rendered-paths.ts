import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderedRoot } from '@platform/config';
import { CommandFailure } from '../cli/command-report';

/** Which part of rendered/ a command reads: all of it, one app's, one cluster's, or both. */
export interface RenderedSelection {
  app?: string;
  cluster?: string;
}

/**
 * What validate and policy read when no paths are given: `rendered/`, or only the
 * `rendered/<cluster>/<app>` directories that exist for --cluster and --app (the Nx targets' scope).
 */
export function renderedPaths(root: string, { app, cluster }: RenderedSelection = {}): string[] {
  const rendered = join(root, renderedRoot);
  if (!app && !cluster) return [rendered];
  if (!existsSync(rendered)) return [];
  const clusters = cluster ? [cluster] : readdirSync(rendered);
  return clusters
    .map((name) => (app ? join(rendered, name, app) : join(rendered, name)))
    .filter((directory) => existsSync(directory));
}

/**
 * The paths a checking command reads: those given, or rendered/ narrowed by --app and --cluster.
 * Paths together with --app or --cluster, or a selection with nothing rendered, is a usage error.
 */
export function checkedPaths(
  root: string,
  given: readonly string[],
  selection: RenderedSelection,
): string[] {
  if (given.length > 0) {
    if (selection.app || selection.cluster)
      throw new CommandFailure('give paths or --app/--cluster, not both', 2);
    return [...given];
  }
  const paths = renderedPaths(root, selection);
  if (paths.length === 0)
    throw new CommandFailure(
      `nothing rendered for${selection.app ? ` app ${selection.app}` : ''}${selection.cluster ? ` cluster ${selection.cluster}` : ''}`,
      2,
    );
  return paths;
}
