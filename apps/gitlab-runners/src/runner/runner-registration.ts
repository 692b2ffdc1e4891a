import { awsSecretName, gitlabInstance, type ClusterSpec } from '@platform/config';
import type { RunnerDefinition } from './runner-definition';
import { tokenSecretPath } from './runner-names';

/** The body of `POST /api/v4/user/runners` that creates the runner with its GitLab properties. */
export function createRunnerRequestBody(runner: RunnerDefinition): Record<string, unknown> {
  const { gitlab } = runner;
  return {
    runner_type: gitlab.runnerType,
    description: gitlab.description,
    tag_list: [...gitlab.tags],
    run_untagged: gitlab.runUntagged,
    locked: gitlab.locked,
    access_level: gitlab.accessLevel,
    maximum_timeout: gitlab.maximumTimeout,
    paused: gitlab.paused,
  };
}

/**
 * The shell steps that create the runner in GitLab (a personal access token with the
 * `create_runner` scope; an administrator's for instance runners) and store the returned `glrt-`
 * token where its ExternalSecret reads it. The token passes through a variable, never a file.
 */
export function createRunnerSteps(runner: RunnerDefinition, cluster: ClusterSpec): string {
  const body = JSON.stringify(createRunnerRequestBody(runner));
  return [
    `RUNNER_TOKEN=$(curl --fail --silent --request POST "${gitlabInstance.url}/api/v4/user/runners" \\`,
    '  --header "PRIVATE-TOKEN: $GITLAB_TOKEN" --header "Content-Type: application/json" \\',
    `  --data '${body}' | jq -r .token)`,
    `aws secretsmanager put-secret-value --region ${cluster.aws.region} \\`,
    `  --secret-id ${awsSecretName(cluster, tokenSecretPath(runner))} --secret-string "$RUNNER_TOKEN"`,
    'unset RUNNER_TOKEN',
  ].join('\n');
}

/** Markers around a runner's generated block in apps/gitlab-runners/README.md. */
export function readmeMarkers(runner: RunnerDefinition): { begin: string; end: string } {
  return {
    begin: `<!-- create-runner:${runner.name} (generated; a test keeps it in sync) -->`,
    end: `<!-- /create-runner:${runner.name} -->`,
  };
}

export function readmeBlock(runner: RunnerDefinition, cluster: ClusterSpec): string {
  const { begin, end } = readmeMarkers(runner);
  // Blank lines around the fence: the shape prettier gives markdown, so formatting never breaks it.
  return [begin, '', '```sh', createRunnerSteps(runner, cluster), '```', '', end].join('\n');
}
