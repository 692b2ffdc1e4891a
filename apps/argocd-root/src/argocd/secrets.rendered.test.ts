import { expect, it } from 'vitest';
import { committedObjects } from '@platform/rendered-tree';

/** The keys of an Argo CD cluster registration: configuration, never a credential (policy no-secret-data). */
const clusterRegistrationKeys = [
  'name',
  'server',
  'config',
  'namespaces',
  'clusterResources',
  'project',
  'shard',
];

it('no Secret in rendered/ carries data; only cluster registrations carry their non-secret settings', () => {
  const secrets = committedObjects('rendered').filter((o) => o.kind === 'Secret');
  for (const secret of secrets) {
    expect(secret.data, secret.file).toBeUndefined();
    if (secret.stringData === undefined) continue;
    expect(secret.metadata.labels?.['argocd.argoproj.io/secret-type'], secret.file).toBe('cluster');
    for (const key of Object.keys(secret.stringData))
      expect(clusterRegistrationKeys, secret.file).toContain(key);
  }
});
