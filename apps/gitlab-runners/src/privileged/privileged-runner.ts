import { ciNodePools, namespaces, peakLoad } from '@platform/config';
import type { RunnerDefinition } from '../runner/runner-definition';

/**
 * Docker-in-Docker builds only: a job must ask for the `privileged` tag (the runner never takes
 * untagged jobs). Merge-request pipelines build images too, so it is not limited to protected
 * refs; the isolation is its own namespace, IAM role, cache path and the tainted ci-privileged
 * pool, where no ordinary job ever lands.
 */
export const privilegedRunner: RunnerDefinition = {
  name: 'privileged',
  jobNamespace: namespaces.ciJobsPrivileged,
  privileged: true,
  nodePools: [ciNodePools.ciPrivileged],
  peakShare: peakLoad.privilegedShare,
  gitlab: {
    runnerType: 'instance_type',
    description: 'privileged: Docker-in-Docker builds on the dedicated ci-privileged pool',
    tags: ['privileged', 'docker-in-docker'],
    runUntagged: false,
    locked: true,
    accessLevel: 'not_protected',
    maximumTimeout: 3600,
    paused: false,
  },
};
