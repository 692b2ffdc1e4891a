import { formatFinding } from '@platform/manifests';
import { committedFiles } from '@platform/rendered-tree';
import { describe, expect, it } from 'vitest';
import { beforeIssue26, fixtureFiles } from '../fixtures/rendered-fixture';
import { renderedObjects } from '../rendered/rendered-objects';
import { checkArgocdAccess } from './check-argocd-access';

describe('Argo CD access (#26 item 8)', () => {
  it('fails on rendered/ before #26: projects open to any namespaced kind, a local admin, no SSO', () => {
    const messages = checkArgocdAccess(renderedObjects(fixtureFiles(beforeIssue26))).map(
      (f) => `${f.resource} ${f.message}`,
    );
    for (const project of [
      'admission-control',
      'argocd-root',
      'external-secrets',
      'gitlab-runners',
      'karpenter',
      'observability',
    ])
      expect(messages).toContain(
        `AppProject/argocd/${project} sets no namespaceResourceWhitelist: its Applications may deploy any namespaced kind into their namespaces (kube-system included)`,
      );
    expect(messages).toContainEqual(
      expect.stringMatching(/ConfigMap\/argocd\/argocd-cm admin\.enabled is true/),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/ConfigMap\/argocd\/argocd-cm configures no SSO/),
    );
  });

  it('passes on the committed rendered/', () => {
    const files = committedFiles('rendered').filter((file) => file.path.endsWith('.yaml'));
    expect(checkArgocdAccess(renderedObjects(files)).map(formatFinding)).toEqual([]);
  });

  it('names a kind a project allows that none of its Applications deploy', () => {
    const files = [
      {
        path: 'rendered/mgmt/argocd-root/app-of-apps/appproject.yaml',
        content: `apiVersion: argoproj.io/v1alpha1
kind: AppProject
metadata: { name: demo, namespace: argocd }
spec:
  clusterResourceWhitelist: [{ group: rbac.authorization.k8s.io, kind: ClusterRoleBinding }]
  namespaceResourceWhitelist: [{ group: "", kind: ConfigMap }]
`,
      },
      {
        path: 'rendered/mgmt/argocd-root/app-of-apps/application.yaml',
        content: `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: { name: ci-demo-settings, namespace: argocd }
spec: { project: demo, source: { path: rendered/ci/demo/settings } }
`,
      },
      {
        path: 'rendered/ci/demo/settings/configmap-demo-settings.yaml',
        content: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings, namespace: demo }\n',
      },
    ];
    expect(checkArgocdAccess(renderedObjects(files)).map((f) => f.message)).toEqual([
      'allows rbac.authorization.k8s.io/ClusterRoleBinding, which none of its Applications deploy',
    ]);
  });
});
