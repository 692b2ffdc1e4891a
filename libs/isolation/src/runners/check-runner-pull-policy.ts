import type { Finding } from '@platform/manifests';
import { findingAt, type RenderedObject } from '../rendered/rendered-objects';
import { runnerJobs, runnerTemplateKey } from './runner-jobs';

export const runnerPullPolicyRule = 'runner-pull-policy';

/**
 * Every runner pulls every image of every job (`pull_policy` and `allowed_pull_policies` exactly
 * `["always"]`): the registry checks the job's own credentials for each pull, and no job runs an
 * image an earlier job pulled, or planted, on the node. A job cannot ask for another policy.
 */
export function checkRunnerPullPolicy(objects: readonly RenderedObject[]): Finding[] {
  const always = (list: readonly string[]) => list.length === 1 && list[0] === 'always';
  return runnerJobs(objects).flatMap((runner) =>
    always(runner.pullPolicy) && always(runner.allowedPullPolicies)
      ? []
      : [
          findingAt(
            runner.configMap,
            ['data', runnerTemplateKey],
            runnerPullPolicyRule,
            `pull_policy is [${runner.pullPolicy.join(', ')}] and allowed_pull_policies [${runner.allowedPullPolicies.join(', ')}], not [always]: a job runs an image that an earlier job on the node pulled, or planted, without the registry checking its credentials`,
          ),
        ],
  );
}
