import { renderedRoot, type Inventory } from '@platform/config';
import { appsOf, clustersOf } from '../catalog/catalog-queries';
import type { ChartInflater } from '../chart-inflation/chart-inflater';
import type { ComponentSpec, VendoredManifests } from '../component/component-definition';
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

/** A scope that names an unknown app or cluster: a usage error, not a render failure. */
export class UnknownScopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnknownScopeError';
  }
}

/**
 * Renders every app/cluster pair in scope. `existing` lists the pairs present on disk, so a pair
 * that no longer renders anything (an app removed from a cluster) is in scope and gets emptied.
 */
export async function renderScope(
  catalog: readonly ComponentSpec[],
  inventory: Inventory,
  scope: RenderScope,
  existing: RenderTarget[],
  inflate: ChartInflater,
  vendored?: VendoredManifests,
): Promise<ScopedRender> {
  checkScope(catalog, inventory, scope, existing);
  const inScope = (t: RenderTarget) =>
    (!scope.app || t.app === scope.app) && (!scope.cluster || t.cluster === scope.cluster);
  const clusterOrder = inventory.clusters.map((c) => c.name);
  const rendered: RenderTarget[] = appsOf(catalog).flatMap((app) =>
    clustersOf(catalog, app, clusterOrder).map((cluster) => ({ cluster, app })),
  );
  const targets = new Map<string, RenderTarget>();
  for (const target of [...rendered, ...existing].filter(inScope)) {
    targets.set(targetDirectory(target), target);
  }
  if (targets.size === 0 && (scope.app || scope.cluster))
    throw new UnknownScopeError(emptySelection(scope, rendered));
  const perTarget = await Promise.all(
    rendered
      .filter(inScope)
      .map((target) =>
        renderApp(catalog, inventory, target.app, target.cluster, inflate, vendored),
      ),
  );
  const sortedTargets = [...targets.values()].sort((a, b) =>
    targetDirectory(a) < targetDirectory(b) ? -1 : 1,
  );
  const files = perTarget.flat().sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { targets: sortedTargets, files };
}

/** Why a scope of a known app and a known cluster selects nothing, and what it could select. */
function emptySelection(scope: RenderScope, rendered: readonly RenderTarget[]): string {
  const where = rendered
    .filter((t) => t.app === scope.app)
    .map((t) => t.cluster)
    .join(', ');
  if (scope.app && scope.cluster)
    return `nothing to render: app ${scope.app} has no component for cluster ${scope.cluster} (it renders for ${where || 'no cluster'})`;
  if (scope.cluster) return `nothing to render: no component selects cluster ${scope.cluster}`;
  return `nothing to render: app ${scope.app} has no component for any cluster`;
}

function checkScope(
  catalog: readonly ComponentSpec[],
  inventory: Inventory,
  scope: RenderScope,
  existing: RenderTarget[],
) {
  const apps = new Set([...appsOf(catalog), ...existing.map((t) => t.app)]);
  if (scope.app && !apps.has(scope.app)) {
    throw new UnknownScopeError(
      `unknown app "${scope.app}" (known: ${[...apps].sort().join(', ')})`,
    );
  }
  if (scope.cluster && !inventory.clusters.some((c) => c.name === scope.cluster)) {
    throw new UnknownScopeError(
      `unknown cluster "${scope.cluster}" (known: ${inventory.clusters.map((c) => c.name).join(', ')})`,
    );
  }
}
