import { formatFinding } from '@platform/manifests';
import { committedFiles } from '@platform/rendered-tree';
import { describe, expect, it } from 'vitest';
import { beforeIssue26, fixtureFiles } from '../fixtures/rendered-fixture';
import { renderedObjects } from '../rendered/rendered-objects';
import { checkSecretStoreScope } from './check-secret-store-scope';

describe('the secret store scope (#26 item 5)', () => {
  it('fails on rendered/ before #26: the ClusterSecretStore served every namespace, and edit wrote ExternalSecrets', () => {
    const findings = checkSecretStoreScope(renderedObjects(fixtureFiles(beforeIssue26)));
    expect(findings.map((f) => `${f.file} ${f.message}`)).toEqual([
      expect.stringMatching(
        /ci\/external-secrets\/operator\/clusterrole-external-secrets-edit\.yaml aggregates ExternalSecret writes into edit and admin/,
      ),
      expect.stringMatching(/ci\/external-secrets\/secret-store\/.* has no spec\.conditions/),
      expect.stringMatching(/mgmt\/external-secrets\/secret-store\/.* has no spec\.conditions/),
    ]);
  });

  it('passes on the committed rendered/: each store names exactly the namespaces that use it', () => {
    const files = committedFiles('rendered').filter((file) => file.path.endsWith('.yaml'));
    expect(checkSecretStoreScope(renderedObjects(files)).map(formatFinding)).toEqual([]);
  });

  it('names a namespace the store misses, one it serves for nothing, and a selector', () => {
    const store = (conditions: string) => ({
      path: 'rendered/x/external-secrets/store.yaml',
      content: `apiVersion: external-secrets.io/v1
kind: ClusterSecretStore
metadata: { name: aws }
spec:
  conditions: ${conditions}
  provider: { aws: { service: SecretsManager, region: eu-west-1 } }
`,
    });
    const user = {
      path: 'rendered/x/app/externalsecret.yaml',
      content: `apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata: { name: token, namespace: app }
spec: { secretStoreRef: { kind: ClusterSecretStore, name: aws } }
`,
    };
    const messages = (conditions: string) =>
      checkSecretStoreScope(renderedObjects([store(conditions), user])).map((f) => f.message);
    expect(messages('[{ namespaces: [app] }]')).toEqual([]);
    expect(messages('[{ namespaces: [other] }]')).toEqual([
      'does not serve namespace app, so ExternalSecret/app/token gets no Secret',
      'serves namespace other, where no ExternalSecret uses it',
    ]);
    expect(messages('[{ namespaces: [app] }, { namespaceRegexes: ["^app"] }]')).toEqual([
      'selects namespaces by label or pattern, which a new namespace may match: name them in namespaces',
    ]);
  });
});
