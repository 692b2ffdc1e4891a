import { upstreamHelperImageName } from './helper-image';

/**
 * What GitLab and the Kubernetes executor of GitLab Runner 18.9 make of a job, for the parts this
 * platform relies on to place it: which runner takes it (GitLab: a runner takes a job when it has
 * every tag of the job, an untagged job only when it runs untagged jobs), the job pod's node
 * selector after the job's `KUBERNETES_NODE_SELECTOR_*` variables (executors/kubernetes
 * overwrites.go `evaluateMapOverwrite`), its tolerations, and its helper image
 * (executor_kubernetes.go `prepareHelperImage`, `retrieveHelperImageConfig`, `getHelperImage`;
 * helpers/container/helperimage linux_info.go and info.go). Linux nodes only: a Windows node
 * selector is refused rather than modelled. executor-job-pod.test.ts ports upstream's cases.
 */

/** The `[runners.kubernetes]` keys this model reads, as a rendered config.toml holds them. */
export interface ExecutorKubernetesSection {
  node_selector?: Readonly<Record<string, string>>;
  node_selector_overwrite_allowed?: string;
  node_tolerations?: Readonly<Record<string, string>>;
  helper_image?: string;
  helper_image_flavor?: string;
  helper_image_autoset_arch_and_os?: boolean;
}

/** A job as `.gitlab-ci.yml` states what matters here: its tags and its variables. */
export interface CiJob {
  tags: readonly string[];
  variables?: Readonly<Record<string, string>>;
}

/** A runner as GitLab matches jobs to it (its properties in GitLab, not config.toml). */
export interface RunnerTags {
  name: string;
  tags: readonly string[];
  runUntagged: boolean;
}

/** The manager process that runs the executor: its version and its own architecture. */
export interface ExecutorManager {
  version: string;
  architecture: string;
}

export interface ExecutorJobPod {
  nodeSelector: Record<string, string>;
  tolerations: { key: string; operator: 'Equal' | 'Exists'; value?: string; effect: string }[];
  helperImage: string;
}

export const nodeSelectorVariablePrefix = 'KUBERNETES_NODE_SELECTOR_';
const archLabel = 'kubernetes.io/arch';
const osLabel = 'kubernetes.io/os';

/** The runners that may take a job: those with all of its tags; for an untagged job, those that run untagged jobs. */
export function runnersTakingJob<Runner extends RunnerTags>(
  job: CiJob,
  runners: readonly Runner[],
): Runner[] {
  if (job.tags.length === 0) return runners.filter((runner) => runner.runUntagged);
  return runners.filter((runner) => job.tags.every((tag) => runner.tags.includes(tag)));
}

/**
 * The node selector of the job pod: config.toml's, then each `KUBERNETES_NODE_SELECTOR_*`
 * variable's `key=value` set over it, if `node_selector_overwrite_allowed` is set (unanchored
 * match, as Go's `MatchString`); a value it does not match, or without `=`, fails the job. A
 * variable replaces a key's value or adds a key, never removes one.
 */
export function jobNodeSelector(
  kubernetes: ExecutorKubernetesSection,
  variables: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const selector = { ...kubernetes.node_selector };
  const allowed = kubernetes.node_selector_overwrite_allowed ?? '';
  if (allowed === '') return selector;
  for (const [key, value] of Object.entries(variables)) {
    if (!key.startsWith(nodeSelectorVariablePrefix)) continue;
    if (!new RegExp(allowed).test(value))
      throw new Error(`provided value "${value}" does not match "${allowed}"`);
    const split = value.indexOf('=');
    if (split < 0) throw new Error(`provided value "${value}" does not match "k=v"`);
    selector[value.slice(0, split)] = value.slice(split + 1);
  }
  return selector;
}

/** The executor's tag architecture for a node or manager architecture (linux_info.go). */
function tagArchitecture(architecture: string): string {
  if (architecture === 'amd64') return 'x86_64';
  if (architecture === 'aarch64') return 'arm64';
  if (architecture === 'armv6l' || architecture === 'armv7l') return 'arm';
  return architecture;
}

/**
 * The helper image of the job pod: `helper_image` as it is when set; otherwise the upstream tag
 * of the architecture and OS the job's node selector names (the manager's own architecture
 * with `helper_image_autoset_arch_and_os`, amd64 without), `<flavor>-<arch>-v<x.y.z>` with no
 * prefix for the default alpine flavor.
 */
export function jobHelperImage(
  kubernetes: ExecutorKubernetesSection,
  nodeSelector: Readonly<Record<string, string>>,
  manager: ExecutorManager,
): string {
  if (kubernetes.helper_image) return kubernetes.helper_image;
  let architecture = kubernetes.helper_image_autoset_arch_and_os ? manager.architecture : 'amd64';
  let os = 'linux';
  if (nodeSelector[archLabel]) architecture = nodeSelector[archLabel];
  if (nodeSelector[osLabel]) os = nodeSelector[osLabel];
  if (os === 'windows') throw new Error('Windows helper images are not modelled here');
  if (os !== 'linux' && os !== 'freebsd') throw new Error(`unsupported OSType "${os}"`);
  const arch = tagArchitecture(architecture);
  const flavor = kubernetes.helper_image_flavor || (arch === 'riscv64' ? 'alpine-edge' : 'alpine');
  const prefix = flavor === 'alpine' ? '' : `${flavor}-`;
  const version = /^\d*\.\d*\.\d*/.exec(manager.version)?.[0];
  return `${upstreamHelperImageName}:${prefix}${arch}-${version ? `v${version}` : 'latest'}`;
}

/** The placement and helper of the pod the executor creates for a job. */
export function executorJobPod(
  kubernetes: ExecutorKubernetesSection,
  job: CiJob,
  manager: ExecutorManager,
): ExecutorJobPod {
  const nodeSelector = jobNodeSelector(kubernetes, job.variables);
  const tolerations = Object.entries(kubernetes.node_tolerations ?? {}).map(
    ([keyValue, effect]) => {
      const [key, value] = keyValue.split('=') as [string, string | undefined];
      return value === undefined
        ? { key, operator: 'Exists' as const, effect }
        : { key, operator: 'Equal' as const, value, effect };
    },
  );
  return {
    nodeSelector,
    tolerations,
    helperImage: jobHelperImage(kubernetes, nodeSelector, manager),
  };
}
