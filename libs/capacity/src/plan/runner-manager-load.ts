import type { Resources } from '../node/node-allocatable';

/** The runner managers of one GitLab Runner (read from its rendered Deployment and ConfigMap). */
export interface RunnerManagerLoad {
  /** `namespace/name` of the Deployment. */
  name: string;
  source: string;
  replicas: number;
  requests: Resources;
  hostNetwork: boolean;
  /** `concurrent` of its config.toml: jobs each replica runs at once. */
  concurrent?: number;
}
