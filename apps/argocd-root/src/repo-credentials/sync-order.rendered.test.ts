import { committedFiles, committedObjects } from '@platform/rendered-tree';
import { expect, it } from 'vitest';

const applicationsDirectory = 'rendered/mgmt/argocd-root/app-of-apps';

/** Every rendered Application: its name, wave, destination and the directory it syncs. */
function applications() {
  return committedObjects(applicationsDirectory)
    .filter((object) => object.kind === 'Application')
    .map((app) => ({
      name: app.metadata.name as string,
      wave: Number(app.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? 0),
      destination: app.spec.destination.name as string,
      path: app.spec.source?.path as string | undefined,
    }));
}

function kindsIn(path: string): string[] {
  return committedFiles(path).length === 0
    ? []
    : committedObjects(path).map((object) => object.kind);
}

it('syncs the repo-creds ExternalSecret after the ClusterSecretStore it reads through, on the same cluster', () => {
  const all = applications();
  const credentials = all.find((a) => a.name === 'mgmt-argocd-root-repo-credentials');
  expect(credentials, 'the repo-credentials Application is rendered').toBeDefined();
  const stores = all.filter(
    (a) =>
      a.destination === credentials!.destination &&
      a.path &&
      kindsIn(a.path).includes('ClusterSecretStore'),
  );
  expect(stores, 'a ClusterSecretStore is rendered for the management cluster').not.toEqual([]);
  for (const store of stores) expect(store.wave, store.name).toBeLessThan(credentials!.wave);
});
