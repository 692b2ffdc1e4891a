import { formatFiles, names, type Tree } from '@nx/devkit';
import { clusterFile, type ClusterTemplateInput } from './cluster-template';

/** Options of `nx g @platform/nx-plugin:cluster` (schema.json says the same for the CLI). */
export interface ClusterGeneratorOptions {
  name: string;
  role?: 'workload' | 'management';
  accountId: string;
  region: string;
  /** The EKS cluster name; defaults to `platform-<name>`. */
  eksClusterName?: string;
  /** From `aws eks describe-cluster`: cluster.endpoint and cluster.certificateAuthority.data. */
  endpoint: string;
  certificateAuthorityData: string;
  kubernetesVersion?: string;
  /** A /16 of its own: three /18 node subnets and three /24 public subnets are carved from it. */
  vpcCidr: string;
}

const INDEX = 'libs/config/src/clusters/index.ts';

/**
 * Adds a cluster to the inventory: `libs/config/src/clusters/<name>.ts` and its entry in the
 * index. Every component that selects clusters by role then targets it, so `npx gitops render`
 * produces its whole tree and argocd-root registers it; nothing else is edited by hand.
 */
export async function clusterGenerator(tree: Tree, options: ClusterGeneratorOptions) {
  const input = validatedInput(tree, options);
  tree.write(`libs/config/src/clusters/${input.name}.ts`, clusterFile(input));
  addToIndex(tree, input);
  await formatFiles(tree, { sortRootTsconfigPaths: false });
  return () => {
    process.stdout.write(
      `Added cluster ${input.name}. Next: npx gitops render, then commit rendered/.\n`,
    );
  };
}

function validatedInput(tree: Tree, options: ClusterGeneratorOptions): ClusterTemplateInput {
  const problems: string[] = [];
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(options.name))
    problems.push(`--name "${options.name}" is not a DNS label`);
  if (tree.exists(`libs/config/src/clusters/${options.name}.ts`))
    problems.push(`libs/config/src/clusters/${options.name}.ts already exists`);
  if (!/^\d{12}$/.test(options.accountId ?? ''))
    problems.push(`--accountId "${options.accountId}" is not a 12-digit AWS account id`);
  if (!/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(options.region ?? ''))
    problems.push(`--region "${options.region}" is not an AWS region`);
  if (!/^https:\/\//.test(options.endpoint ?? ''))
    problems.push(`--endpoint "${options.endpoint}" is not an https URL`);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(options.certificateAuthorityData ?? '')) {
    problems.push('--certificateAuthorityData is not base64 (cluster.certificateAuthority.data)');
  }
  const vpc = /^(\d{1,3})\.(\d{1,3})\.0\.0\/16$/.exec(options.vpcCidr ?? '');
  if (!vpc || Number(vpc[1]) > 255 || Number(vpc[2]) > 255)
    problems.push(`--vpcCidr "${options.vpcCidr}" is not a /16 like 10.30.0.0/16`);
  const kubernetesVersion = options.kubernetesVersion ?? '1.33';
  if (!/^1\.\d+$/.test(kubernetesVersion))
    problems.push(`--kubernetesVersion "${kubernetesVersion}" is not a minor version like 1.33`);
  if (problems.length > 0) throw new Error(`cluster generator:\n  ${problems.join('\n  ')}`);
  return {
    name: options.name,
    variable: names(options.name).propertyName,
    role: options.role ?? 'workload',
    accountId: options.accountId,
    region: options.region,
    eksClusterName: options.eksClusterName ?? `platform-${options.name}`,
    endpoint: options.endpoint,
    certificateAuthorityData: options.certificateAuthorityData,
    kubernetesVersion,
    vpcPrefix: `${vpc![1]}.${vpc![2]}`,
  };
}

/** `import { x } from './x';` after the last import, and `x` at the end of the clusters list. */
function addToIndex(tree: Tree, input: ClusterTemplateInput) {
  const source = tree.read(INDEX, 'utf-8');
  const list = source
    ? /(export const clusters: ClusterSpec\[\] = \[)([^\]]*)(\];)/.exec(source)
    : null;
  if (!source || !list) {
    throw new Error(
      `${INDEX}: expected "export const clusters: ClusterSpec[] = [...]" to add ${input.variable} to`,
    );
  }
  const entries = list[2]!
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const withEntry = source.replace(
    list[0],
    `${list[1]}${[...entries, input.variable].join(', ')}${list[3]}`,
  );
  const imports = [...withEntry.matchAll(/^import .*;$/gm)];
  const last = imports[imports.length - 1]!;
  const at = last.index! + last[0].length;
  tree.write(
    INDEX,
    `${withEntry.slice(0, at)}\nimport { ${input.variable} } from './${input.name}';${withEntry.slice(at)}`,
  );
}

export default clusterGenerator;
