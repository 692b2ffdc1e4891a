import { parseSourceFile } from '@platform/manifests';
import type { NodeClassSettings } from '../node/node-class-settings';
import type { NodePoolSettings } from '../peak/node-pool-settings';
import type { RunnerManagerLoad } from '../plan/runner-manager-load';
import type { DaemonSetLoad } from '../workload/daemon-set-load';
import { isObject, ManifestInputError, type JsonObject } from './manifest-reader';
import { readNodeClass } from './read-node-class';
import { readNodeOverlay, type NodeOverlaySettings } from './read-node-overlay';
import { readNodePool } from './read-node-pool';
import { readDaemonSet, readRunnerManager } from './read-workloads';

export interface RenderedFile {
  path: string;
  content: string;
}

/** What the planner reads from one cluster's rendered/ tree. */
export interface RenderedCapacityInputs {
  nodePools: NodePoolSettings[];
  nodeClasses: NodeClassSettings[];
  daemonSets: DaemonSetLoad[];
  runnerManagers: RunnerManagerLoad[];
  nodeOverlays: NodeOverlaySettings[];
}

/**
 * Rendered files are named `<kind>-<namespace>-<name>.yaml`, so the planner parses only the
 * kinds it reads, however large the charts' output grows.
 */
const wantedFile =
  /(^|\/)(nodepool|nodeoverlay|ec2nodeclass|daemonset|deployment|configmap)-[^/]*\.ya?ml$/;

/**
 * The file's objects, read as Kubernetes reads YAML, from the parse `gitops check` already made of
 * the same file for validate and policy (one parse per file, however many checks read it).
 */
function documentsOf(file: RenderedFile): JsonObject[] {
  const parsed = parseSourceFile(file);
  const problem = parsed.findings.find((f) => f.severity === 'error');
  if (problem)
    throw new ManifestInputError(`${file.path}: YAML: ${problem.message.split('\n')[0]}`);
  return parsed.documents.map((document) => document.value).filter(isObject);
}

const groupOf = (object: JsonObject) => String(object.apiVersion ?? '').split('/')[0];
const directoryOf = (path: string) => path.slice(0, path.lastIndexOf('/'));

/**
 * NodePools, EC2NodeClasses and DaemonSets by kind; a runner manager is a Deployment whose
 * directory also holds a ConfigMap with a GitLab Runner `config.toml`.
 */
export function readRenderedInputs(files: readonly RenderedFile[]): RenderedCapacityInputs {
  const inputs: RenderedCapacityInputs = {
    nodePools: [],
    nodeClasses: [],
    daemonSets: [],
    runnerManagers: [],
    nodeOverlays: [],
  };
  const runnerConfigs = new Map<string, string>();
  const deployments: { path: string; object: JsonObject }[] = [];
  for (const file of files.filter((f) => wantedFile.test(f.path))) {
    for (const object of documentsOf(file)) {
      const kind = `${groupOf(object)}/${String(object.kind)}`;
      if (kind === 'karpenter.sh/NodePool') inputs.nodePools.push(readNodePool(file.path, object));
      else if (kind === 'karpenter.sh/NodeOverlay')
        inputs.nodeOverlays.push(readNodeOverlay(file.path, object));
      else if (kind === 'karpenter.k8s.aws/EC2NodeClass')
        inputs.nodeClasses.push(readNodeClass(file.path, object));
      else if (kind === 'apps/DaemonSet') inputs.daemonSets.push(readDaemonSet(file.path, object));
      else if (kind === 'apps/Deployment') deployments.push({ path: file.path, object });
      else if (kind === 'v1/ConfigMap') {
        const toml = isObject(object.data) ? object.data['config.toml'] : undefined;
        if (typeof toml === 'string') runnerConfigs.set(directoryOf(file.path), toml);
      }
    }
  }
  for (const deployment of deployments) {
    const toml = runnerConfigs.get(directoryOf(deployment.path));
    if (toml !== undefined) {
      inputs.runnerManagers.push(readRunnerManager(deployment.path, deployment.object, toml));
    }
  }
  return inputs;
}
