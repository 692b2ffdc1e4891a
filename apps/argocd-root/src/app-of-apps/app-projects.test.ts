import { inventory } from '@platform/config';
import type { ComponentSpec, RenderedKindsOf } from '@platform/core';
import { committedObjects } from '@platform/rendered-tree';
import { describe, expect, it } from 'vitest';
import { appProjectFor } from './app-projects';

/** A component as the catalog holds it, with only what a project is derived from. */
const component = (name: string, namespace: string): ComponentSpec =>
  ({
    app: 'demo',
    name,
    file: `apps/demo/src/${name}/component.ts`,
    clusters: inventory.clusters.map((cluster) => cluster.name),
    namespace,
  }) as unknown as ComponentSpec;

/** What each fixture component renders: a kind named after it, cluster-scoped and namespaced. */
const renderedKinds: RenderedKindsOf = (c) => ({
  clusterScoped: [{ group: 'example.com', kind: `${c.name}Cluster` }],
  namespaced: [
    { group: '', kind: 'ConfigMap' },
    { group: 'example.com', kind: `${c.name}Thing` },
  ],
});

describe('an app project', () => {
  it('lists destinations and kinds in one order, whatever order the catalog has', () => {
    const catalog = [
      component('agent', 'zeta'),
      component('bridge', 'alpha'),
      component('cache', 'zeta'),
    ];
    const project = appProjectFor(inventory, catalog, 'demo', renderedKinds);
    expect(appProjectFor(inventory, [...catalog].reverse(), 'demo', renderedKinds)).toEqual(
      project,
    );
    // Adding a component adds its entries and moves none of the others.
    const grown = appProjectFor(
      inventory,
      [component('aaa', 'middle'), ...catalog],
      'demo',
      renderedKinds,
    );
    const keys = (p: typeof project) =>
      p.spec!.destinations!.map((d) => `${d.name}/${d.namespace}`);
    expect(keys(grown).filter((key) => keys(project).includes(key))).toEqual(keys(project));
  });

  it('is rendered with every list whose order means nothing sorted', () => {
    const projects = committedObjects('rendered').filter((o: any) => o.kind === 'AppProject');
    expect(projects.length).toBeGreaterThan(3);
    const sorted = (list: string[]) => [...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const project of projects as any[]) {
      const lists: string[][] = [
        (project.spec.destinations ?? []).map((d: any) => `${d.name}/${d.namespace}`),
        (project.spec.clusterResourceWhitelist ?? []).map((r: any) => `${r.group}/${r.kind}`),
        (project.spec.namespaceResourceWhitelist ?? []).map((r: any) => `${r.group}/${r.kind}`),
        project.spec.sourceRepos ?? [],
      ];
      for (const list of lists) expect([project.file, list]).toEqual([project.file, sorted(list)]);
    }
  });
});
