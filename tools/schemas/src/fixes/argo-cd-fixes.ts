import {
  arrayOf,
  booleanField,
  closedObject,
  enumField,
  ref,
  stringField,
  type ModelPackageFixes,
  type UpstreamSource,
} from './schema-fix';

/**
 * Where @kubernetes-models/argo-cd 4.0.0 lags Argo CD v3.5.1, the release the platform runs.
 * Every fragment follows the v3.5.1 CRDs in argoproj/argo-cd manifests/crds/.
 */
const argoCd = (file: string, ...schemaPaths: string[]): UpstreamSource => ({
  repository: 'argoproj/argo-cd',
  release: 'v3.5.1',
  file: `manifests/crds/${file}`,
  schemaPaths,
});

const v1alpha1 = (type: string) => `ComGithubArgoprojArgoCdV3PkgApisApplicationV1alpha1${type}`;

export const argoCdFixes: ModelPackageFixes = {
  modelPackage: '@kubernetes-models/argo-cd',
  modelVersion: '4.0.0',
  fixes: [
    {
      // Shared by Application, ApplicationSet templates and the sync operation and history.
      kind: 'add-fields',
      definition: v1alpha1('ApplicationSource'),
      fields: { tagPrefix: stringField() },
      upstream: argoCd('application-crd.yaml', 'spec.source', 'spec.sources[]'),
    },
    {
      // The source hydrator's sync source; shared by spec and the hydration operation status.
      kind: 'add-fields',
      definition: v1alpha1('SyncSource'),
      fields: { repoURL: stringField() },
      upstream: argoCd('application-crd.yaml', 'spec.sourceHydrator.syncSource'),
    },
    {
      kind: 'add-fields',
      definition: v1alpha1('ApplicationSummary'),
      fields: { isAppOfApps: booleanField() },
      upstream: argoCd('application-crd.yaml', 'status.summary'),
    },
    {
      kind: 'add-fields',
      definition: v1alpha1('SourceHydratorStatus'),
      fields: { lastComparedDryRevision: stringField() },
      upstream: argoCd('application-crd.yaml', 'status.sourceHydrator'),
    },
    {
      kind: 'add-fields',
      definition: v1alpha1('AppProjectSpec'),
      fields: {
        sourceIntegrity: closedObject(
          {
            git: closedObject(
              {
                policies: arrayOf(
                  closedObject(
                    {
                      gpg: closedObject({ keys: arrayOf(stringField()), mode: stringField() }, [
                        'keys',
                        'mode',
                      ]),
                      repos: arrayOf(closedObject({ url: stringField() }, ['url'])),
                    },
                    ['gpg', 'repos'],
                  ),
                ),
              },
              ['policies'],
            ),
          },
          ['git'],
        ),
      },
      upstream: argoCd('appproject-crd.yaml', 'spec'),
      note: 'gpg.mode is a plain string in the CRD (no enum), so it is one here too',
    },
    {
      kind: 'add-fields',
      definition: v1alpha1('SyncWindow'),
      fields: { syncOverrun: booleanField() },
      upstream: argoCd('appproject-crd.yaml', 'spec.syncWindows[]'),
    },
    {
      kind: 'add-fields',
      definition: v1alpha1('SCMProviderGeneratorGitea'),
      fields: { excludeArchivedRepos: booleanField() },
      upstream: argoCd('applicationset-crd.yaml', 'spec.generators[].scmProvider.gitea'),
    },
    {
      kind: 'add-fields',
      definition: v1alpha1('SCMProviderGeneratorGithub'),
      fields: { excludeArchivedRepos: booleanField() },
      upstream: argoCd('applicationset-crd.yaml', 'spec.generators[].scmProvider.github'),
    },
    {
      kind: 'add-fields',
      definition: v1alpha1('SCMProviderGeneratorGitlab'),
      fields: { includeArchivedRepos: booleanField() },
      upstream: argoCd('applicationset-crd.yaml', 'spec.generators[].scmProvider.gitlab'),
    },
    {
      // The CRD's health object has exactly HealthStatus's fields (lastTransitionTime, message, status).
      kind: 'add-fields',
      definition: v1alpha1('ApplicationSetStatus'),
      fields: { health: ref(v1alpha1('HealthStatus')) },
      upstream: argoCd('applicationset-crd.yaml', 'status'),
    },
    {
      // The model types ApplicationsSyncPolicy as a plain string; the CRD lists its values.
      kind: 'replace',
      definition: v1alpha1('ApplicationsSyncPolicy'),
      generated: stringField(),
      replacement: enumField('create-only', 'create-update', 'create-delete', 'sync'),
      upstream: argoCd('applicationset-crd.yaml', 'spec.syncPolicy.applicationsSync'),
    },
  ],
};
