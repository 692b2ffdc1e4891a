import { compliantApplication } from '../../fixtures/compliant-manifests';
import { failing, file, passing, yaml, type RuleFixture } from '../../fixtures/rule-fixture';

const applicationPath = 'rendered/mgmt/argocd-root/app-of-apps/application-argocd-ci-shop-web.yaml';

/** An Application whose sync policy is the part under test; lines 1–16 are the same in each. */
function applicationWithSyncPolicy(syncPolicy: string): string {
  return yaml`
    apiVersion: argoproj.io/v1alpha1
    kind: Application
    metadata:
      name: ci-shop-web
      namespace: argocd
      finalizers:
        - resources-finalizer.argocd.argoproj.io
    spec:
      project: shop
      destination:
        name: ci
        namespace: shop
      source:
        repoURL: https://gitlab.example.com/platform/ci-platform-gitops.git
        targetRevision: main
        path: rendered/ci/shop/web
    ${syncPolicy.replace(/\n/g, '\n    ')}
  `;
}

export const argocdFixtures: RuleFixture[] = [
  failing(
    'argocd-automated-sync',
    'argocd-automated-sync reports an Application without automated sync',
    file(
      applicationPath,
      applicationWithSyncPolicy('  syncPolicy:\n    syncOptions: [PruneLast=true]'),
    ),
    [
      {
        line: 17,
        field: 'spec.syncPolicy.automated',
        message:
          'Application does not sync automatically: set syncPolicy.automated with prune and selfHeal',
      },
    ],
  ),
  failing(
    'argocd-automated-sync',
    'argocd-automated-sync reports automated sync that is switched off or neither prunes nor self-heals',
    file(
      applicationPath,
      applicationWithSyncPolicy(
        '  syncPolicy:\n    automated:\n      enabled: false\n      prune: false',
      ),
    ),
    [
      {
        line: 18,
        field: 'spec.syncPolicy.automated.selfHeal',
        message: 'Application must set syncPolicy.automated.selfHeal: true',
      },
      {
        line: 19,
        field: 'spec.syncPolicy.automated.enabled',
        message: 'Application turns automated sync off (enabled: false)',
      },
      {
        line: 20,
        field: 'spec.syncPolicy.automated.prune',
        message: 'Application must set syncPolicy.automated.prune: true',
      },
    ],
  ),
  passing(
    'argocd-automated-sync',
    'argocd-automated-sync accepts automated sync with prune and selfHeal',
    file(applicationPath, compliantApplication()),
  ),

  failing(
    'argocd-finalizer',
    'argocd-finalizer reports an Application without the resources finalizer',
    file(
      applicationPath,
      yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: ci-shop-web
          namespace: argocd
          finalizers:
            - argoproj.io/some-other-finalizer
        spec:
          project: shop
      `,
    ),
    [
      {
        line: 6,
        field: 'metadata.finalizers',
        message:
          'Application has no resources-finalizer.argocd.argoproj.io finalizer, so deleting it orphans its resources',
      },
    ],
  ),
  passing(
    'argocd-finalizer',
    'argocd-finalizer accepts the background cascade finalizer',
    file(
      applicationPath,
      compliantApplication({ finalizer: 'resources-finalizer.argocd.argoproj.io/background' }),
    ),
  ),

  failing(
    'argocd-project',
    'argocd-project reports an Application in the default project or in none',
    file(
      applicationPath,
      yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: in-default
          namespace: argocd
        spec:
          project: default
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: in-none
          namespace: argocd
        spec:
          destination:
            name: ci
      `,
    ),
    [
      {
        line: 7,
        field: 'spec.project',
        message: 'Application uses the unrestricted default project',
      },
      { line: 14, field: 'spec.project', message: 'Application sets no project' },
    ],
  ),
  passing(
    'argocd-project',
    'argocd-project accepts an Application in its own project',
    file(applicationPath, compliantApplication()),
  ),

  failing(
    'argocd-exact-chart-version',
    'argocd-exact-chart-version reports ranges and missing versions of OCI and Helm repository charts, not Git revisions',
    file(
      applicationPath,
      yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: ci-charts
          namespace: argocd
        spec:
          project: charts
          destination:
            name: ci
            namespace: kube-system
          sources:
            - repoURL: oci://public.ecr.aws/karpenter/karpenter
              path: .
              targetRevision: "1.*"
            - repoURL: https://charts.gitlab.io
              chart: gitlab-runner
              targetRevision: ^0.86.0
            - repoURL: https://helm.datadoghq.com
              chart: datadog
            - repoURL: https://gitlab.example.com/platform/ci-platform-gitops.git
              targetRevision: main
              ref: values
      `,
    ),
    [
      {
        line: 14,
        field: 'spec.sources[0].targetRevision',
        message:
          'Helm source oci://public.ecr.aws/karpenter/karpenter targetRevision "1.*" is not an exact version',
      },
      {
        line: 17,
        field: 'spec.sources[1].targetRevision',
        message: 'Helm source gitlab-runner targetRevision "^0.86.0" is not an exact version',
      },
      {
        line: 18,
        field: 'spec.sources[2].targetRevision',
        message: 'Helm source datadog has no targetRevision, so it follows the newest chart',
      },
    ],
  ),
  passing(
    'argocd-exact-chart-version',
    'argocd-exact-chart-version accepts exact chart versions next to a Git branch',
    file(applicationPath, compliantApplication()),
  ),

  failing(
    'argocd-project-no-wildcards',
    'argocd-project-no-wildcards reports wildcards in sources, destinations and cluster-scoped kinds',
    file(
      'rendered/mgmt/argocd-root/app-of-apps/appproject-argocd-anything.yaml',
      yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: AppProject
        metadata:
          name: anything
          namespace: argocd
        spec:
          sourceRepos:
            - https://gitlab.example.com/platform/*
          destinations:
            - server: "*"
              namespace: "*"
          clusterResourceWhitelist:
            - group: "*"
              kind: "*"
      `,
    ),
    [
      {
        line: 8,
        field: 'spec.sourceRepos[0]',
        message:
          'AppProject allows any source repository ("https://gitlab.example.com/platform/*")',
      },
      {
        line: 10,
        field: 'spec.destinations[0].server',
        message: 'AppProject allows any destination server ("*")',
      },
      {
        line: 11,
        field: 'spec.destinations[0].namespace',
        message: 'AppProject allows any destination namespace ("*")',
      },
      {
        line: 13,
        field: 'spec.clusterResourceWhitelist[0].group',
        message: 'AppProject allows any cluster-scoped group ("*")',
      },
      {
        line: 14,
        field: 'spec.clusterResourceWhitelist[0].kind',
        message: 'AppProject allows any cluster-scoped kind ("*")',
      },
    ],
  ),
  passing(
    'argocd-project-no-wildcards',
    'argocd-project-no-wildcards accepts a project with exact repositories, destinations and kinds',
    file(
      'rendered/mgmt/argocd-root/app-of-apps/appproject-argocd-gitlab-runners.yaml',
      yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: AppProject
        metadata:
          name: gitlab-runners
          namespace: argocd
          finalizers:
            - resources-finalizer.argocd.argoproj.io
        spec:
          clusterResourceWhitelist:
            - group: ""
              kind: Namespace
          destinations:
            - name: ci
              namespace: gitlab-runners
          sourceRepos:
            - https://gitlab.example.com/platform/ci-platform-gitops.git
      `,
    ),
  ),
];
