import { formatFiles, type Tree } from '@nx/devkit';
import { componentFiles, type ComponentTemplateInput } from './component-templates';

/** Options of `nx g @platform/nx-plugin:component` (schema.json says the same for the CLI). */
export interface ComponentGeneratorOptions {
  /** The app folder under apps/; created with a project.json and README when new. */
  app: string;
  /** The component folder name: a DNS label, also its name in ArgoCD and rendered/. */
  name: string;
  type?: 'rendered' | 'helm';
  /** `workload`, `management`, `all`, or cluster names separated by commas. */
  clusters?: string;
  namespace: string;
  syncWave?: number;
  /** Helm only: the exported pin in @platform/charts, e.g. `karpenterChart`. */
  chart?: string;
  description?: string;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Adds `apps/<app>/src/<name>/component.ts` and its test. A rendered component starts with one
 * typed placeholder object; a Helm component names an existing chart pin and starts with empty
 * values. `npx gitops render` then renders it and argocd-root gives it an Application.
 */
export async function componentGenerator(tree: Tree, options: ComponentGeneratorOptions) {
  const input = validatedInput(tree, options);
  const folder = `apps/${input.app}/src/${input.name}`;
  if (!tree.exists(`apps/${input.app}/project.json`)) addApp(tree, input.app);
  for (const [file, content] of Object.entries(componentFiles(input))) {
    tree.write(`${folder}/${file}`, content);
  }
  await formatFiles(tree, { sortRootTsconfigPaths: false });
  return () => {
    process.stdout.write(
      `Added ${folder}. Next: npx gitops render --app ${input.app} && npx gitops render --app argocd-root, then commit rendered/.\n`,
    );
  };
}

function validatedInput(tree: Tree, options: ComponentGeneratorOptions): ComponentTemplateInput {
  const problems: string[] = [];
  for (const field of ['app', 'name', 'namespace'] as const) {
    if (!DNS_LABEL.test(options[field] ?? ''))
      problems.push(`--${field} "${options[field]}" is not a DNS label`);
  }
  const type = options.type ?? 'rendered';
  if (tree.exists(`apps/${options.app}/src/${options.name}`)) {
    problems.push(`apps/${options.app}/src/${options.name} already exists`);
  }
  if (type === 'helm' && !(options.chart && chartPinExists(tree, options.chart))) {
    problems.push(
      `--chart "${options.chart ?? ''}" is not a chart pin exported by libs/charts/src (e.g. karpenterChart)`,
    );
  }
  const syncWave = options.syncWave ?? 0;
  if (!Number.isInteger(syncWave))
    problems.push(`--syncWave "${options.syncWave}" is not a whole number`);
  if (problems.length > 0) throw new Error(`component generator:\n  ${problems.join('\n  ')}`);
  return {
    app: options.app,
    name: options.name,
    type,
    clusters: clusterSelector(options.clusters ?? 'workload'),
    namespace: options.namespace,
    syncWave,
    chart: options.chart,
    description: options.description ?? `The ${options.name} component of ${options.app}.`,
  };
}

/** `workload` stays a role; `ci,ci-2` becomes `['ci', 'ci-2']`. */
function clusterSelector(clusters: string): string {
  if (['workload', 'management', 'all'].includes(clusters)) return `'${clusters}'`;
  const names = clusters
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return `[${names.map((name) => `'${name}'`).join(', ')}]`;
}

function chartPinExists(tree: Tree, pin: string): boolean {
  const declaration = new RegExp(`export const ${pin}\\b[^=]*=\\s*chartPin`);
  let found = false;
  const visit = (dir: string) => {
    for (const child of tree.children(dir)) {
      const path = `${dir}/${child}`;
      if (tree.isFile(path))
        found ||= path.endsWith('.ts') && declaration.test(tree.read(path, 'utf-8') ?? '');
      else visit(path);
    }
  };
  visit('libs/charts/src');
  return found;
}

function addApp(tree: Tree, app: string) {
  tree.write(
    `apps/${app}/project.json`,
    `${JSON.stringify({ name: app, $schema: '../../node_modules/nx/schemas/project-schema.json', projectType: 'application', sourceRoot: `apps/${app}/src` }, null, 2)}\n`,
  );
  tree.write(
    `apps/${app}/README.md`,
    `# ${app}\n\nWhat this app deploys, and why. Each folder under src/ with a component.ts is one component.\n`,
  );
}

export default componentGenerator;
