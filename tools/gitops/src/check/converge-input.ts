import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  argocdNamespace,
  argocdRuntimeSecrets,
  inventory as shippedInventory,
  type Inventory,
} from '@platform/config';
import {
  bootstrapStepsFrom,
  converge,
  convergeClustersOf,
  type BootstrapStep,
  type ConvergeInput,
  type ConvergeResult,
} from '@platform/converge';
import { readVendorLock, sha256File, vendorLayout, VendoredArtifactError } from '../vendor';
import { collectYamlFiles, type SourceFile } from '../workspace/collect-yaml-files';
import { renderedPaths } from '../workspace/rendered-paths';

/** Where Argo CD's shipped health scripts are vendored: `<group>/<Kind>/health.lua` below it. */
const healthScriptsDirectory = 'vendor/argocd/resource_customizations/';

/**
 * The Lua health scripts Argo CD 3.5.1 ships, as vendored: every `script` entry of the lock under
 * vendor/argocd/resource_customizations, each checked against its sha256 before it is read.
 */
export function vendoredHealthScripts(root: string): Map<string, string> {
  const scripts = new Map<string, string>();
  for (const artifact of readVendorLock(root).artifacts) {
    if (artifact.kind !== 'script' || !artifact.path.startsWith(healthScriptsDirectory)) continue;
    const absolute = join(root, artifact.path);
    const actual = sha256File(absolute);
    if (actual !== artifact.sha256)
      throw new VendoredArtifactError(
        `${artifact.path}: sha256 is ${actual}, but ${vendorLayout.lockFile} expects ${artifact.sha256}`,
        { subject: `script ${artifact.name}@${artifact.version}`, file: artifact.path },
      );
    const [group, kind] = artifact.path.slice(healthScriptsDirectory.length).split('/');
    scripts.set(`${group}/${kind}`, readFileSync(absolute, 'utf8'));
  }
  return scripts;
}

/** The `kubectl apply` commands of the README's bootstrap (none without a README). */
export function workspaceBootstrapSteps(root: string): BootstrapStep[] {
  const readme = join(root, 'README.md');
  return existsSync(readme) ? bootstrapStepsFrom(readFileSync(readme, 'utf8')) : [];
}

/**
 * What `gitops converge` replays: the rendered files, the README's bootstrap commands, the
 * inventory's clusters, the vendored health scripts and the Secrets pods make at run time.
 */
export function workspaceConvergeInput(
  root: string,
  files: readonly SourceFile[],
  inventory: Inventory = shippedInventory,
): ConvergeInput {
  return {
    files,
    bootstrap: workspaceBootstrapSteps(root),
    clusters: convergeClustersOf(inventory),
    argocdNamespace,
    builtInHealthScripts: vendoredHealthScripts(root),
    runtimeSecrets: argocdRuntimeSecrets,
  };
}

/** Why nothing was replayed. */
export const noBootstrapMessage =
  'README.md has no `kubectl apply` bootstrap commands to replay from';

/**
 * The replay over the workspace's rendered/ (or the given files, when `gitops check` has read
 * them); undefined when the README has no bootstrap commands to start it from.
 */
export function convergeWorkspace(
  root: string,
  files?: readonly SourceFile[],
): ConvergeResult | undefined {
  const input = workspaceConvergeInput(root, files ?? collectYamlFiles(root, renderedPaths(root)));
  return input.bootstrap.length > 0 ? converge(input) : undefined;
}
