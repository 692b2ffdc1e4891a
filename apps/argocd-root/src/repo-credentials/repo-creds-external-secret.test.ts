import type { ClusterSpec } from '@platform/config';
import { PlatformChart } from '@platform/core';
import { App } from 'cdk8s';
import { expect, it } from 'vitest';
import { addRepoCredsExternalSecret } from './repo-creds-external-secret';

const cluster = {
  name: 'mgmt-test',
  role: 'management',
  eks: { clusterName: 'test-mgmt' },
} as ClusterSpec;
const repository = { url: 'https://git.example.com/group/repo.git', revision: 'main' };

function render(): any[] {
  const context = {
    inventory: { repository },
    cluster,
    component: { app: 'argocd-root', name: 'repo-credentials', namespace: 'tools' },
  };
  const chart = new PlatformChart(new App(), context as any);
  addRepoCredsExternalSecret(chart, cluster, repository, 'tools');
  return chart.toJson();
}

it('makes a repo-creds Secret Argo CD recognises, for the repository URL, with no value in Git', () => {
  const [externalSecret, ...rest] = render();
  expect(rest).toEqual([]);
  expect(externalSecret.kind).toBe('ExternalSecret');
  expect(externalSecret.metadata.namespace).toBe('tools');
  const target = externalSecret.spec.target;
  expect(target.template.metadata.labels).toEqual({
    'argocd.argoproj.io/secret-type': 'repo-creds',
  });
  // The URL and type are templated next to the fetched keys, not instead of them.
  expect(target.template.mergePolicy).toBe('Merge');
  expect(target.template.data).toEqual({ type: 'git', url: repository.url });
  expect(externalSecret.spec.data).toEqual([
    {
      secretKey: 'username',
      remoteRef: { key: 'test-mgmt/argocd/repo-creds', property: 'username' },
    },
    {
      secretKey: 'password',
      remoteRef: { key: 'test-mgmt/argocd/repo-creds', property: 'password' },
    },
  ]);
});
