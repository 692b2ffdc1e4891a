import {
  gitlabRunnerCacheBucket,
  nodePoolLabel,
  type CiNodePool,
  type ClusterSpec,
} from '@platform/config';
import { stringify } from 'smol-toml';
import { multiPlatformHelperImage } from './helper-image';
import { jobPodPriorityClassName, jobServiceAccountName } from './runner-names';
import { spansArchitectures, type RunnerDefinition } from './runner-definition';
import { defaultSize, largestSize, runnerCapacity, runnerTiming } from './runner-capacity';
import type {
  AffinityToml,
  ContainerSecurityContextToml,
  KubernetesExecutorToml,
  RunnerSectionToml,
  RunnerTemplateToml,
} from './runner-config-toml';

/** The uid job pods of the restricted runner run as: not root, and not the manager's 100. */
const jobUser = 1000;

/** The `[[runners]]` template of a runner, as typed data. */
export function runnerTemplate(runner: RunnerDefinition, cluster: ClusterSpec): RunnerTemplateToml {
  const capacity = runnerCapacity(runner);
  const section: RunnerSectionToml = {
    limit: capacity.limit,
    request_concurrency: capacity.requestConcurrency,
    // KB of job log kept; the default 4096 truncates the logs of large builds.
    output_limit: 16384,
    feature_flags: {
      // Needed for `pod_spec`, which sets the pod's seccomp profile (no native key in 18.9).
      FF_USE_ADVANCED_POD_SPEC_CONFIGURATION: !runner.privileged,
    },
    kubernetes: kubernetesExecutor(runner, capacity.pollTimeout, cluster),
    cache: {
      Type: 's3',
      // Per runner: privileged jobs must not write what restricted jobs restore.
      Path: runner.name,
      Shared: true,
      s3: {
        ServerAddress: 's3.amazonaws.com',
        BucketName: gitlabRunnerCacheBucket(cluster),
        BucketLocation: cluster.aws.region,
        AuthenticationType: 'iam',
        ServerSideEncryption: 'S3',
      },
    },
  };
  return { runners: [section] };
}

/** TOML text for the chart's `runners.config`. The chart runs it through `tpl`: no `{{` allowed. */
export function runnerTemplateText(runner: RunnerDefinition, cluster: ClusterSpec): string {
  const text = stringify(runnerTemplate(runner, cluster));
  if (text.includes('{{'))
    throw new Error(
      `runner ${runner.name}: config.toml contains "{{", which the chart's tpl would evaluate`,
    );
  return text;
}

function kubernetesExecutor(
  runner: RunnerDefinition,
  pollTimeout: number,
  cluster: ClusterSpec,
): KubernetesExecutorToml {
  const largest = largestSize();
  return {
    namespace: runner.jobNamespace,
    // Only for jobs that name no image; pinned, like every image the platform runs.
    image: 'alpine:3.22',
    // The executor would pick one architecture's helper for a pod that may land on either.
    ...(spansArchitectures(runner) ? { helper_image: multiPlatformHelperImage(cluster) } : {}),
    privileged: runner.privileged,
    allow_privilege_escalation: runner.privileged,
    ...(runner.privileged ? {} : { cap_drop: ['ALL'] }),
    cpu_request: defaultSize.build.cpu,
    memory_request: defaultSize.build.memory,
    memory_limit: defaultSize.build.memory,
    helper_cpu_request: defaultSize.helper.cpu,
    helper_memory_request: defaultSize.helper.memory,
    helper_memory_limit: defaultSize.helper.memory,
    service_cpu_request: defaultSize.service.cpu,
    service_memory_request: defaultSize.service.memory,
    service_memory_limit: defaultSize.service.memory,
    cpu_request_overwrite_max_allowed: largest.build.cpu,
    memory_request_overwrite_max_allowed: largest.build.memory,
    memory_limit_overwrite_max_allowed: largest.build.memory,
    helper_cpu_request_overwrite_max_allowed: largest.helper.cpu,
    helper_memory_request_overwrite_max_allowed: largest.helper.memory,
    helper_memory_limit_overwrite_max_allowed: largest.helper.memory,
    service_cpu_request_overwrite_max_allowed: largest.service.cpu,
    service_memory_request_overwrite_max_allowed: largest.service.memory,
    service_memory_limit_overwrite_max_allowed: largest.service.memory,
    ...ephemeralStorage(largest),
    poll_interval: runnerTiming.podPollIntervalSeconds,
    poll_timeout: pollTimeout,
    service_account: jobServiceAccountName,
    automount_service_account_token: false,
    priority_class_name: jobPodPriorityClassName,
    // Every job pulls its images, so the registry checks the job's credentials for each one,
    // and no job runs an image an earlier job pulled (or planted) on the node.
    pull_policy: ['always'],
    allowed_pull_policies: ['always'],
    ...placement(runner),
    pod_annotations: { 'karpenter.sh/do-not-disrupt': 'true' },
    pod_labels: jobPodLabels(runner),
    ...securityContexts(runner.privileged),
  };
}

/** The labels of a runner's job pods; the anti-affinity of one-job-per-node pools selects them. */
function jobPodLabels(runner: RunnerDefinition): Record<string, string> {
  return { 'ci.platform/runner': runner.name };
}

/**
 * On a pool whose isolation is one job per node, no two job pods of the runner share a node
 * (required anti-affinity on the hostname): Karpenter launches a node per job. Every pool of the
 * runner must say the same, since the affinity applies wherever the pod lands.
 */
function separateJobs(runner: RunnerDefinition): Pick<AffinityToml, 'pod_anti_affinity'> {
  const modes = new Set(runner.nodePools.map((pool) => pool.jobIsolation.mode));
  if (modes.size > 1)
    throw new Error(
      `runner ${runner.name}: its node pools mix job isolation modes (${[...modes].join(', ')}); give the runner pools of one mode`,
    );
  if (!modes.has('one-job-per-node')) return {};
  return {
    pod_anti_affinity: {
      required_during_scheduling_ignored_during_execution: [
        {
          topology_key: 'kubernetes.io/hostname',
          label_selector: { match_labels: jobPodLabels(runner) },
        },
      ],
    },
  };
}

/**
 * Ephemeral storage: the default class's, request = limit for every container kind; a job may ask
 * up to the largest class's, and the job namespace's LimitRange keeps its request equal to its
 * limit (the capacity planner sizes the nodes' root volumes for limits).
 */
function ephemeralStorage(
  largest: ReturnType<typeof largestSize>,
): Pick<
  KubernetesExecutorToml,
  | 'ephemeral_storage_request'
  | 'ephemeral_storage_limit'
  | 'helper_ephemeral_storage_request'
  | 'helper_ephemeral_storage_limit'
  | 'service_ephemeral_storage_request'
  | 'service_ephemeral_storage_limit'
  | 'ephemeral_storage_request_overwrite_max_allowed'
  | 'ephemeral_storage_limit_overwrite_max_allowed'
  | 'helper_ephemeral_storage_request_overwrite_max_allowed'
  | 'helper_ephemeral_storage_limit_overwrite_max_allowed'
  | 'service_ephemeral_storage_request_overwrite_max_allowed'
  | 'service_ephemeral_storage_limit_overwrite_max_allowed'
> {
  return {
    ephemeral_storage_request: defaultSize.build.ephemeralStorage,
    ephemeral_storage_limit: defaultSize.build.ephemeralStorage,
    helper_ephemeral_storage_request: defaultSize.helper.ephemeralStorage,
    helper_ephemeral_storage_limit: defaultSize.helper.ephemeralStorage,
    service_ephemeral_storage_request: defaultSize.service.ephemeralStorage,
    service_ephemeral_storage_limit: defaultSize.service.ephemeralStorage,
    ephemeral_storage_request_overwrite_max_allowed: largest.build.ephemeralStorage,
    ephemeral_storage_limit_overwrite_max_allowed: largest.build.ephemeralStorage,
    helper_ephemeral_storage_request_overwrite_max_allowed: largest.helper.ephemeralStorage,
    helper_ephemeral_storage_limit_overwrite_max_allowed: largest.helper.ephemeralStorage,
    service_ephemeral_storage_request_overwrite_max_allowed: largest.service.ephemeralStorage,
    service_ephemeral_storage_limit_overwrite_max_allowed: largest.service.ephemeralStorage,
  };
}

/**
 * Job pods land only on the runner's pools: selected by pool name, their taints tolerated. One
 * pool: its name and its architecture, or for a multi-arch pool its name alone (the pool decides
 * the architecture; a job cannot add one, since the runner allows no node selector overwrite).
 * Several pools: node affinity over their names, and the first pool's architecture, which a job
 * may change to another pool's.
 */
function placement(
  runner: RunnerDefinition,
): Pick<
  KubernetesExecutorToml,
  'node_selector' | 'node_selector_overwrite_allowed' | 'node_tolerations' | 'affinity'
> {
  const pools: readonly CiNodePool[] = runner.nodePools;
  if (pools.length === 0) throw new Error(`runner ${runner.name}: nodePools is empty`);
  const tolerations = Object.fromEntries(
    pools.flatMap((pool) => pool.taints.map((t) => [`${t.key}=${t.value}`, t.effect])),
  );
  const architectures = [...new Set(pools.map((pool) => pool.architecture))].sort();
  const [onlyPool] = pools;
  const apart = separateJobs(runner);
  if (spansArchitectures(runner) && pools.length > 1)
    throw new Error(
      `runner ${runner.name}: a multi-arch pool (${pools.map((p) => p.name).join(', ')}) must be the runner's only pool`,
    );
  if (pools.length === 1)
    return {
      node_selector: spansArchitectures(runner)
        ? { [nodePoolLabel]: onlyPool!.name }
        : { [nodePoolLabel]: onlyPool!.name, 'kubernetes.io/arch': onlyPool!.architecture },
      node_tolerations: tolerations,
      ...(apart.pod_anti_affinity ? { affinity: apart } : {}),
    };
  return {
    // The first pool's architecture is the default; a job may ask for another pool's.
    node_selector: { 'kubernetes.io/arch': onlyPool!.architecture },
    node_selector_overwrite_allowed: `^kubernetes\\.io/arch=(${architectures.join('|')})$`,
    node_tolerations: tolerations,
    affinity: {
      ...apart,
      node_affinity: {
        required_during_scheduling_ignored_during_execution: {
          node_selector_terms: [
            {
              match_expressions: [
                { key: nodePoolLabel, operator: 'In', values: pools.map((pool) => pool.name) },
              ],
            },
          ],
        },
      },
    },
  };
}

function securityContexts(
  privileged: boolean,
): Pick<
  KubernetesExecutorToml,
  | 'pod_security_context'
  | 'build_container_security_context'
  | 'helper_container_security_context'
  | 'service_container_security_context'
  | 'init_permissions_container_security_context'
  | 'pod_spec'
> {
  const locked: ContainerSecurityContextToml = {
    privileged: false,
    allow_privilege_escalation: false,
    run_as_non_root: true,
    capabilities: { drop: ['ALL'] },
  };
  if (privileged) {
    // Docker-in-Docker: the build and service containers (dockerd) must be privileged; the helper
    // only clones and uploads, so it stays unprivileged.
    const dind: ContainerSecurityContextToml = {
      privileged: true,
      allow_privilege_escalation: true,
    };
    return {
      build_container_security_context: dind,
      service_container_security_context: dind,
      helper_container_security_context: { privileged: false, allow_privilege_escalation: false },
      init_permissions_container_security_context: {
        privileged: false,
        allow_privilege_escalation: false,
      },
    };
  }
  return {
    pod_security_context: {
      run_as_non_root: true,
      run_as_user: jobUser,
      run_as_group: jobUser,
      fs_group: jobUser,
    },
    build_container_security_context: locked,
    helper_container_security_context: locked,
    service_container_security_context: locked,
    init_permissions_container_security_context: locked,
    pod_spec: [
      {
        name: 'seccomp-runtime-default',
        patch_type: 'strategic',
        patch: JSON.stringify({ securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }),
      },
    ],
  };
}
