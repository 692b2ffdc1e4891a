import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inventory } from '@platform/config';
import { helmValuesFileName } from '@platform/core';
import { committedObjects, repositoryRoot } from '@platform/rendered-tree';
import { describe, expect, it } from 'vitest';

interface Source {
  repoURL: string;
  path?: string;
  chart?: string;
  helm?: unknown;
  directory?: { exclude?: string };
}

const applications = committedObjects('rendered').filter((o) => o.kind === 'Application');
const readme = readFileSync(join(repositoryRoot, 'apps/argocd-root/README.md'), 'utf8');

/** What kind of source an Application syncs, as Argo CD tells them apart. */
function sourceKinds(spec: { source?: Source; sources?: Source[] }): string[] {
  if (spec.sources) return ['multi-source'];
  const source = spec.source!;
  if (source.repoURL.startsWith('oci://')) return ['oci'];
  if (source.chart || source.helm) return ['helm'];
  return ['directory'];
}

describe('apps/argocd-root/README.md describes the sources that are rendered', () => {
  const kinds = new Set(applications.flatMap((app) => sourceKinds(app.spec as object)));

  it('every Application syncs one plain directory of this repository under rendered/', () => {
    expect([...kinds]).toEqual(['directory']);
    for (const app of applications) {
      const source = (app.spec as { source: Source }).source;
      expect(source.repoURL, app.file).toBe(inventory.repository.url);
      expect(source.path, app.file).toMatch(/^rendered\//);
    }
    expect(readme).toMatch(/plain directory/);
  });

  it('names the values.yaml exclusion, and no source kind that is not rendered', () => {
    const excluding = applications.filter(
      (app) => (app.spec as { source: Source }).source.directory?.exclude === helmValuesFileName,
    );
    expect(excluding.length).toBeGreaterThan(0);
    expect(readme).toContain('directory.exclude');
    if (!kinds.has('multi-source')) expect(readme).not.toMatch(/\$values|values-only Git source/);
    if (!kinds.has('oci')) expect(readme).not.toMatch(/oci:\/\/|native OCI source/);
    if (!kinds.has('helm')) expect(readme).not.toMatch(/pins the chart's exact version/);
  });
});
