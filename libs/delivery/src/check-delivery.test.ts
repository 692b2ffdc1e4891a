import { describe, expect, it } from 'vitest';
import { checkDelivery, checkNamespacesCreated, type DeliveryCluster } from './check-delivery';

const clusters: DeliveryCluster[] = [
  { name: 'hub', destinationName: 'in-cluster', providedNamespaces: ['kube-system', 'argocd'] },
  { name: 'ci', destinationName: 'ci', providedNamespaces: ['kube-system'] },
];

const application = (component: string, wave: number, namespace = 'jobs') => ({
  path: `rendered/hub/root/apps/application-argocd-ci-${component}.yaml`,
  content: `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ci-${component}
  namespace: argocd
  annotations:
    argocd.argoproj.io/sync-wave: "${wave}"
spec:
  project: demo
  source:
    repoURL: https://git.example.com/x.git
    path: rendered/ci/demo/${component}
  destination:
    name: ci
    namespace: ${namespace}
`,
});

const project = {
  path: 'rendered/hub/root/apps/appproject-argocd-demo.yaml',
  content: `apiVersion: argoproj.io/v1alpha1
kind: AppProject
metadata:
  name: demo
  namespace: argocd
spec:
  destinations:
    - name: ci
      namespace: jobs
  clusterResourceWhitelist:
    - group: ''
      kind: Namespace
`,
};

const root = {
  path: 'rendered/hub/root/apps/application-argocd-root.yaml',
  content: `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: root
  namespace: argocd
spec:
  project: root
  source:
    repoURL: https://git.example.com/x.git
    path: rendered/hub/root/apps
  destination:
    name: in-cluster
    namespace: argocd
`,
};
const rootProject = {
  path: 'rendered/hub/root/apps/appproject-argocd-root.yaml',
  content: `apiVersion: argoproj.io/v1alpha1
kind: AppProject
metadata:
  name: root
  namespace: argocd
spec:
  destinations:
    - name: in-cluster
      namespace: argocd
  clusterResourceWhitelist: []
  namespaceResourceWhitelist:
    - group: argoproj.io
      kind: Application
    - group: argoproj.io
      kind: AppProject
`,
};

const object = (component: string, file: string, body: string) => ({
  path: `rendered/ci/demo/${component}/${file}`,
  content: body,
});
const namespaceJobs = object(
  'namespaces',
  'namespace-jobs.yaml',
  'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: jobs\n',
);
const configMap = (namespace: string) =>
  object(
    'settings',
    `configmap-${namespace}-settings.yaml`,
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: ${namespace}\n`,
  );

const tree = (...extra: { path: string; content: string }[]) => [
  root,
  rootProject,
  project,
  application('namespaces', 0),
  application('settings', 1),
  namespaceJobs,
  ...extra,
];

const rulesOf = (files: { path: string; content: string }[]) =>
  checkDelivery(files, clusters).map((f) => [f.rule, f.file, f.resource, f.message]);

describe('the delivery check', () => {
  it('passes a tree where every object fits its Application, project and namespaces', () => {
    expect(rulesOf(tree(configMap('jobs')))).toEqual([]);
  });

  it('refuses a ConfigMap in default: no project allows it and no component creates it', () => {
    const rules = rulesOf(tree(configMap('default'))).map(([rule]) => rule);
    expect(rules).toEqual(['delivery-destination', 'delivery-namespace-missing']);
  });

  it('refuses a cluster-scoped kind the component did not declare', () => {
    const role = object(
      'settings',
      'clusterrole-x.yaml',
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: x\n',
    );
    expect(rulesOf(tree(configMap('jobs'), role))).toEqual([
      [
        'delivery-cluster-resource',
        'rendered/ci/demo/settings/clusterrole-x.yaml',
        'ClusterRole/x',
        'AppProject demo (Application ci-settings) does not allow the cluster-scoped kind rbac.authorization.k8s.io/ClusterRole: the AppProjects list the kinds their components render, so re-render argocd-root',
      ],
    ]);
  });

  it('refuses an object whose namespace is created in a later sync wave', () => {
    const files = tree(configMap('jobs')).map((f) =>
      f.path.endsWith('ci-namespaces.yaml') ? application('namespaces', 5) : f,
    );
    expect(rulesOf(files)).toEqual([
      [
        'delivery-namespace-missing',
        'rendered/ci/demo/settings/configmap-jobs-settings.yaml',
        'ConfigMap/jobs/settings',
        'namespace "jobs" is created in sync wave 5, after this object\'s wave 1',
      ],
    ]);
  });

  it('refuses a directory no Application syncs, and an Application whose directory was never rendered', () => {
    const orphan = object(
      'orphan',
      'configmap-jobs-x.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: jobs\n',
    );
    expect(rulesOf(tree(orphan)).map(([rule, file]) => [rule, file])).toEqual([
      ['delivery-missing-directory', 'rendered/hub/root/apps/application-argocd-ci-settings.yaml'],
      ['delivery-unsynced', 'rendered/ci/demo/orphan/configmap-jobs-x.yaml'],
    ]);
  });

  it('refuses an object under one cluster synced to another', () => {
    const files = tree(configMap('jobs')).map((f) =>
      f.path.endsWith('ci-settings.yaml')
        ? { ...f, content: f.content.replace('name: ci\n', 'name: in-cluster\n') }
        : f,
    );
    expect(rulesOf(files).map(([rule]) => rule)).toEqual(['delivery-cluster']);
  });

  it('ignores values.yaml, which ArgoCD never syncs', () => {
    expect(
      rulesOf(tree(configMap('jobs'), object('settings', 'values.yaml', 'replicas: 2\n'))),
    ).toEqual([]);
  });
});

describe('the namespace part alone, for a render of one app', () => {
  it('needs no Application: a namespace created by a Namespace object, or provided, passes', () => {
    expect(checkNamespacesCreated([namespaceJobs, configMap('jobs')], clusters)).toEqual([]);
    expect(checkNamespacesCreated([configMap('kube-system')], clusters)).toEqual([]);
  });

  it('refuses an object in a namespace nothing creates on its cluster, with the message of the full check', () => {
    const ghost = configMap('ghost');
    const alone = checkNamespacesCreated([namespaceJobs, ghost], clusters);
    expect(alone.map((f) => [f.rule, f.file, f.field, f.message])).toEqual([
      [
        'delivery-namespace-missing',
        ghost.path,
        'metadata.namespace',
        'namespace "ghost" is created by no component on cluster ci',
      ],
    ]);
    const full = checkDelivery(tree(ghost), clusters).filter(
      (f) => f.rule === 'delivery-namespace-missing',
    );
    expect(full.map((f) => f.message)).toEqual(alone.map((f) => f.message));
  });
});
