import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, it } from 'vitest';

const repositoryRoot = join(__dirname, '../../../..');
const applicationsDirectory = join(repositoryRoot, 'rendered/mgmt/argocd-root/app-of-apps');

/** Every rendered Application: its name, wave, destination and the directory it syncs. */
function applications() {
  return readdirSync(applicationsDirectory)
    .filter((file) => file.startsWith('application-'))
    .map((file) => parse(readFileSync(join(applicationsDirectory, file), 'utf8')))
    .map((app) => ({
      name: app.metadata.name as string,
      wave: Number(app.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? 0),
      destination: app.spec.destination.name as string,
      path: app.spec.source?.path as string | undefined,
    }));
}

function kindsIn(path: string): string[] {
  const directory = join(repositoryRoot, path);
  if (!existsSync(directory)) return [];
  return readdirSync(directory).map(
    (file) => parse(readFileSync(join(directory, file), 'utf8'))?.kind,
  );
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
