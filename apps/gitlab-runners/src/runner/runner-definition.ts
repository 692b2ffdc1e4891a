import { poolArchitectures, type CiNodePool } from '@platform/config';

/**
 * What GitLab stores about a runner created with `POST /api/v4/user/runners`. With `glrt-`
 * authentication tokens these are properties of the runner in GitLab, not of config.toml:
 * `gitlab-runner register` refuses them. They are declared here, beside the runner, rendered into
 * the README as the API call that creates the runner, and never written to config.toml.
 */
export interface GitlabRunnerProperties {
  runnerType: 'instance_type' | 'group_type' | 'project_type';
  description: string;
  tags: readonly string[];
  runUntagged: boolean;
  locked: boolean;
  /** `ref_protected`: only jobs of protected branches and tags. */
  accessLevel: 'not_protected' | 'ref_protected';
  /** Seconds; GitLab stops a job that runs longer. */
  maximumTimeout: number;
  paused: boolean;
}

/** One runner: a manager Deployment from the chart, its job namespace and its job pods. */
export interface RunnerDefinition {
  /** Short name: `restricted`, `privileged`; the component, the IAM role and the Helm release derive from it. */
  name: string;
  /** Namespace of the job pods; created by the namespaces component. */
  jobNamespace: string;
  /** Job pods run privileged (Docker-in-Docker); everything else about them stays locked down. */
  privileged: boolean;
  /** Node pools the job pods may land on; their taints are tolerated, their names selected. */
  nodePools: readonly CiNodePool[];
  /** Share of the platform's peak jobs this runner must absorb on its own (0–1]. */
  peakShare: number;
  gitlab: GitlabRunnerProperties;
}

/**
 * Whether the runner's job pods may land on nodes of either architecture (its pool is a
 * multi-arch pool): it then needs the multi-platform helper image, and runs only on clusters
 * whose inventory says that image exists.
 */
export function spansArchitectures(runner: RunnerDefinition): boolean {
  return runner.nodePools.some((pool) => poolArchitectures(pool).length > 1);
}
