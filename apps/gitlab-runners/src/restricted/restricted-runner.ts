import { ciNodePools, namespaces } from '@platform/config';
import type { RunnerDefinition } from '../runner/runner-definition';

/**
 * Ordinary jobs: every untagged job of the instance, and jobs that ask for `ci` (or an
 * architecture). Locked down: no privilege, no escalation, no capabilities, non-root, seccomp.
 * It absorbs the whole peak alone: the privileged share is an estimate, a peak of only ordinary
 * jobs must still run.
 */
export const restrictedRunner: RunnerDefinition = {
  name: 'restricted',
  jobNamespace: namespaces.ciJobs,
  privileged: false,
  nodePools: [ciNodePools.ciJobs, ciNodePools.ciJobsArm64],
  peakShare: 1,
  gitlab: {
    runnerType: 'instance_type',
    description: 'restricted: ordinary jobs, unprivileged, Karpenter job pools',
    tags: ['ci', 'amd64', 'arm64'],
    runUntagged: true,
    locked: true,
    accessLevel: 'not_protected',
    maximumTimeout: 3600,
    paused: false,
  },
};
