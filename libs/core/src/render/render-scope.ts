import { clustersOf, renderedRoot, type Inventory } from '@platform/config';
import type { AppDefinition } from '../app/app-definition';
import { renderApp } from './render-app';
import type { RenderedFile } from './rendered-file';

/** Which part of rendered/ a run owns. Unset fields mean "all". */
export interface RenderScope {
  app?: string;
  cluster?: string;
}

/** One `rendered/<cluster>/<app>` directory: the unit that a render replaces as a whole. */
export interface RenderTarget {
  cluster: string;
  app: string;
}

export interface ScopedRender {
  /** Every directory the run replaces, including ones that must now be empty (deleted). */
  targets: RenderTarget[];
  files: RenderedFile[];
}

export const targetDirectory = (t: RenderTarget) => `${renderedRoot}/${t.cluster}/${t.app}`;

/**
 * Renders every app/cluster pair in scope. `existing` lists the pairs present on disk, so a pair
 * that no longer renders anything (an app removed from a cluster) is in scope and gets emptied.
 */
export function renderScope(
  apps: AppDefinition[],
  inventory: Inventory,
  scope: RenderScope,
  existing: RenderTarget[],
): ScopedRender {
  if (scope.app && !apps.some((a) => a.name === scope.app)) {
    throw new Error(`unknown app "${scope.app}" (known: ${apps.map((a) => a.name).join(', ')})`);
  }
  if (scope.cluster && !inventory.clusters.some((c) => c.name === scope.cluster)) {
    throw new Error(
      `unknown cluster "${scope.cluster}" (known: ${inventory.clusters.map((c) => c.name).join(', ')})`,
    );
  }
  const inScope = (t: RenderTarget) =>
    (!scope.app || t.app === scope.app) && (!scope.cluster || t.cluster === scope.cluster);

  const rendered: RenderTarget[] = apps.flatMap((app) =>
    clustersOf(inventory, app.name).map((cluster) => ({ cluster, app: app.name })),
  );
  const targets = new Map<string, RenderTarget>();
  for (const target of [...rendered, ...existing].filter(inScope))
    targets.set(targetDirectory(target), target);

  const files: RenderedFile[] = [];
  for (const target of rendered.filter(inScope)) {
    const app = apps.find((a) => a.name === target.app)!;
    files.push(...renderApp(app, inventory, target.cluster));
  }
  const sortedTargets = [...targets.values()].sort((a, b) =>
    targetDirectory(a) < targetDirectory(b) ? -1 : 1,
  );
  return { targets: sortedTargets, files };
}
