import { multiArchJobs, multiArchJobShare, namespaces } from '@platform/config';
import type { RunnerDefinition } from '../runner/runner-definition';

/**
 * Jobs whose images run on amd64 and arm64, and say so with the `multi-arch` tag (never untagged
 * jobs): Graviton first, Intel when Graviton cannot be had, in the multi-arch pool. Locked down
 * like the restricted runner (no privilege, no escalation, no capabilities, non-root, seccomp),
 * in a job namespace of its own; its helper is the platform's multi-platform image, and a job
 * cannot pin an architecture (no node selector overwrite). Sized for its share of the peak: the
 * restricted runner does not take the tag, so these jobs have no other runner.
 */
export const multiArchRunner: RunnerDefinition = {
  name: 'multi-arch',
  jobNamespace: namespaces.ciJobsMultiArch,
  privileged: false,
  nodePools: [multiArchJobs.pool],
  peakShare: multiArchJobShare(),
  gitlab: {
    runnerType: 'instance_type',
    description: 'multi-arch: jobs whose images run on amd64 and arm64, Graviton first',
    tags: [multiArchJobs.tag],
    runUntagged: false,
    locked: true,
    accessLevel: 'not_protected',
    maximumTimeout: 3600,
    paused: false,
  },
};
