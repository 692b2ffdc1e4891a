import { basename, dirname } from 'node:path';
import {
  createNodesFromFiles,
  type CreateNodesContextV2,
  type CreateNodesV2,
  type TargetConfiguration,
} from 'nx/src/devkit-exports';

/**
 * Infers the targets of every project from its location, so no project.json repeats them:
 * apps get render, validate, policy and test; libs and tools get test.
 * Inputs and outputs are exact, so `nx affected` and the cache replay only what a change touches.
 */
const gitops = 'node tools/gitops/bin/gitops.mjs';

/** The render engine, checks and CLI: every app's targets depend on them. */
const cliProject = 'gitops';

function appTargets(app: string): Record<string, TargetConfiguration> {
  const renderedFiles = `{workspaceRoot}/rendered/*/${app}/**/*`;
  return {
    render: {
      command: `${gitops} render --app ${app}`,
      options: { cwd: '{workspaceRoot}' },
      cache: true,
      inputs: ['production', '^production'],
      outputs: [`{workspaceRoot}/rendered/*/${app}`],
    },
    validate: checkTarget(`${gitops} validate --app ${app}`, renderedFiles),
    policy: checkTarget(`${gitops} policy --app ${app}`, renderedFiles),
    test: testTarget(),
  };
}

/** A check of the app's rendered files: re-runs only when they or the checks' code change. */
function checkTarget(command: string, renderedFiles: string): TargetConfiguration {
  return {
    command,
    options: { cwd: '{workspaceRoot}' },
    cache: true,
    dependsOn: ['render'],
    inputs: [renderedFiles, '^production'],
  };
}

function testTarget(): TargetConfiguration {
  return {
    // Projects of scripts only (tools/bench) have no tests; that is not a failure.
    command: 'vitest run {projectRoot} --passWithNoTests',
    options: { cwd: '{workspaceRoot}' },
    cache: true,
    inputs: ['default', '^production', '{workspaceRoot}/vitest.config.ts'],
  };
}

export const createNodesV2: CreateNodesV2 = [
  '{apps,libs,tools}/*/project.json',
  (projectFiles, _options, context: CreateNodesContextV2) =>
    createNodesFromFiles(
      (projectFile) => {
        const root = dirname(projectFile);
        const name = basename(root);
        const isApp = root.startsWith('apps/');
        return {
          projects: {
            [root]: isApp
              ? { targets: appTargets(name), implicitDependencies: [cliProject] }
              : { targets: { test: testTarget() } },
          },
        };
      },
      projectFiles,
      _options,
      context,
    ),
];
