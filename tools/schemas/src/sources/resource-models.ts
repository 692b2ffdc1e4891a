import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { removedApis } from '@platform/validate';

/**
 * A Kubernetes kind `gitops validate` has an embedded schema for: the model interface it is
 * generated from (a module and an exported interface of kubernetes-models or a
 * @kubernetes-models/* package).
 */
export interface ResourceModel {
  module: string;
  type: string;
}

const argo = (type: string): ResourceModel => ({
  module: `@kubernetes-models/argo-cd/argoproj.io/v1alpha1/${type.slice(1)}`,
  type,
});
const externalSecrets = (type: string): ResourceModel => ({
  module: `@kubernetes-models/external-secrets/external-secrets.io/v1/${type.slice(1)}`,
  type,
});
const karpenter = (group: string, type: string): ResourceModel => ({
  module: `@kubernetes-models/karpenter/${group}/v1/${type.slice(1)}`,
  type,
});

/** Custom resources the platform renders or plans to, from their model packages. */
export const customResourceModels: ResourceModel[] = [
  argo('IApplication'),
  argo('IAppProject'),
  argo('IApplicationSet'),
  karpenter('karpenter.sh', 'INodePool'),
  karpenter('karpenter.sh', 'INodeClaim'),
  karpenter('karpenter.k8s.aws', 'IEC2NodeClass'),
  externalSecrets('IExternalSecret'),
  externalSecrets('IClusterSecretStore'),
];

/** A kind module declares its own `"kind": "<Name>"` literal; shared types (specs, statuses) do not. */
const KIND_LITERAL = /^\s+"kind": "([A-Za-z0-9]+)";$/m;

/**
 * Every built-in kind (and its `*List`) that kubernetes-models ships for an API version Kubernetes
 * still serves, found by reading the package rather than listed by hand: a new package version
 * brings its new kinds with the next `npm run schemas`. API versions in the removed-APIs table are
 * left out, so a manifest using one gets the removal message, not a schema.
 */
export function builtInResourceModels(repositoryRoot: string): ResourceModel[] {
  const packageRoot = join(repositoryRoot, 'node_modules', 'kubernetes-models');
  const removedVersions = new Set(removedApis.map((entry) => entry.apiVersion));
  const models: ResourceModel[] = [];
  for (const apiVersion of apiVersionDirectories(packageRoot)) {
    if (removedVersions.has(apiVersion)) continue;
    const directory = join(packageRoot, apiVersion);
    for (const file of readdirSync(directory).sort()) {
      if (!file.endsWith('.d.ts') || file === 'index.d.ts') continue;
      const name = file.slice(0, -'.d.ts'.length);
      const match = KIND_LITERAL.exec(readFileSync(join(directory, file), 'utf8'));
      if (match?.[1] !== name) continue;
      models.push({ module: `kubernetes-models/${apiVersion}/${name}`, type: `I${name}` });
    }
  }
  return models;
}

/** `v1`, `apps/v1`, `rbac.authorization.k8s.io/v1`, … as directories of the package. */
function apiVersionDirectories(packageRoot: string): string[] {
  const isDirectory = (path: string) => !path.includes('.') || /\.k8s\.io$|\.io$/.test(path);
  const versions: string[] = [];
  for (const entry of readdirSync(packageRoot, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('_')) continue;
    if (/^v\d/.test(entry.name)) {
      versions.push(entry.name);
      continue;
    }
    if (!isDirectory(entry.name)) continue;
    for (const version of readdirSync(join(packageRoot, entry.name), { withFileTypes: true }))
      if (version.isDirectory() && /^v\d/.test(version.name))
        versions.push(`${entry.name}/${version.name}`);
  }
  return versions.sort();
}

/** Every kind with an embedded schema: all built-in kinds, then the custom resources. */
export function resourceModels(repositoryRoot: string): ResourceModel[] {
  return [...builtInResourceModels(repositoryRoot), ...customResourceModels];
}
