import { renderedRoot, type Inventory } from '@platform/config';
import { appsOf, clustersOf } from '../catalog/catalog-queries';
import type { ChartInflater } from '../chart-inflation/chart-inflater';
import type { ComponentSpec, VendoredManifests } from '../component/component-definition';
import { renderApp } from './render-app';
import { componentDirectory, type RenderedFile } from './rendered-file';
import { renderedKindsByDirectory } from './rendered-kinds';
import type { RenderedKinds, RenderedKindsOf } from '../component/component-definition';

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
 * Two passes: every component, then those that describe what the others render (the
 * AppProjects), given the kinds of this run's files and, for pairs out of scope, of
 * `committedFiles` (what rendered/ holds; read only when a describing component is in scope).
 */
export async function renderScope(
  catalog: readonly ComponentSpec[],
  inventory: Inventory,
  scope: RenderScope,
  existing: RenderTarget[],
  inflate: ChartInflater,
  vendored?: VendoredManifests,
  committedFiles: () => readonly RenderedFile[] = () => [],
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
  const renderTargets = rendered.filter(inScope);
  const others = await Promise.all(
    renderTargets.map((target) =>
      renderApp(catalog, inventory, target.app, target.cluster, inflate, vendored, {
        pass: 'others',
      }),
    ),
  );
  const describing = catalog.some(
    (c) => c.describesRendered && renderTargets.some((t) => t.app === c.app),
  );
  const renderedKinds = describing
    ? kindsOf(others.flat(), renderTargets, committedFiles)
    : () => ({ clusterScoped: [], namespaced: [] });
  const described = await Promise.all(
    renderTargets.map((target) =>
      renderApp(catalog, inventory, target.app, target.cluster, inflate, vendored, {
        pass: 'describing',
        renderedKinds,
      }),
    ),
  );
  const perTarget = [...others, ...described];
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

/**
 * What each component renders: this run's files for the pairs it renders, the committed files
 * for the others (a describing component rendered alone must still see every app).
 */
function kindsOf(
  files: readonly RenderedFile[],
  renderedNow: readonly RenderTarget[],
  committedFiles: () => readonly RenderedFile[],
): RenderedKindsOf {
  const now = new Set(renderedNow.map(targetDirectory));
  const elsewhere = committedFiles().filter(
    (file) => ![...now].some((directory) => file.path.startsWith(`${directory}/`)),
  );
  const kinds = renderedKindsByDirectory([...files, ...elsewhere]);
  const none: RenderedKinds = { clusterScoped: [], namespaced: [] };
  return (component, cluster) =>
    kinds.get(componentDirectory(cluster, component.app, component.name)) ?? none;
}
