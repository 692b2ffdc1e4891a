import { gitlabRunnerVersion } from '@platform/charts';
import {
  gitlabRunnerHelperRepository,
  inventoryFiles,
  routesMultiArchJobs,
  type ClusterSpec,
} from '@platform/config';

/**
 * The GitLab Runner helper image (clone, artifacts, cache; the init-permissions container) of
 * GitLab Runner 18.9. Upstream publishes one tag per architecture, `<arch>-v<version>` with
 * `x86_64` for amd64 (helpers/container/helperimage: linux_info.go, info.go `Version`), and no
 * index of them (gitlab-org/gitlab-runner issue 36862). The Kubernetes executor picks the tag
 * from the job's `kubernetes.io/arch` node selector, or uses `helper_image` as it is when set.
 */
export const upstreamHelperImageName =
  'registry.gitlab.com/gitlab-org/gitlab-runner/gitlab-runner-helper';

/** The executor's tag architecture for a node architecture (linux_info.go `architecture`). */
const tagArchitecture = { amd64: 'x86_64', arm64: 'arm64' } as const;

/** The upstream helper of the pinned runner version for one architecture. */
export function upstreamHelperImage(architecture: keyof typeof tagArchitecture): string {
  return `${upstreamHelperImageName}:${tagArchitecture[architecture]}-v${gitlabRunnerVersion}`;
}

/**
 * The platform's multi-platform helper: an index of the two upstream tags of the pinned version,
 * in the cluster account's ECR. Only where the inventory says it was built; otherwise an error
 * naming the cluster file and the field to set.
 */
export function multiPlatformHelperImage(cluster: ClusterSpec): string {
  if (!routesMultiArchJobs(cluster))
    throw new Error(
      `${inventoryFiles.cluster(cluster.name)}: gitlabRunners.multiArchHelperImage is not 'ecr', so cluster ${cluster.name} has no multi-platform helper image for a runner whose jobs may land on either architecture (build it with the command in apps/gitlab-runners/README.md, then set it)`,
    );
  return `${gitlabRunnerHelperRepository(cluster)}:v${gitlabRunnerVersion}`;
}

/**
 * The shell steps that build the multi-platform helper from the upstream tags: `crane index
 * append` (go-containerregistry) pushes an index that references their manifests, copying them
 * across registries by digest, so nothing is rebuilt and the repository may keep its tags
 * immutable (`docker buildx imagetools create` pushes each child under the new tag, which an
 * immutable ECR repository refuses: docker/buildx issue 2955). Run once per cluster account and
 * runner version, with push access to the repository; the last step prints the index, whose
 * `manifests` must name `linux/amd64` and `linux/arm64`.
 */
export function multiPlatformHelperBuildSteps(cluster: ClusterSpec): string {
  const target = multiPlatformHelperImage(cluster);
  const registry = target.slice(0, target.indexOf('/'));
  return [
    `aws ecr get-login-password --region ${cluster.aws.region} \\`,
    `  | crane auth login ${registry} --username AWS --password-stdin`,
    `crane index append --tag ${target} \\`,
    `  --manifest ${upstreamHelperImage('amd64')} \\`,
    `  --manifest ${upstreamHelperImage('arm64')}`,
    `crane manifest ${target}`,
  ].join('\n');
}

/** Markers around the generated build steps in the README and docs/security.md. */
export const helperImageMarkers = {
  begin: '<!-- multi-platform-helper (generated; a test keeps it in sync) -->',
  end: '<!-- /multi-platform-helper -->',
};

export function helperImageBlock(cluster: ClusterSpec): string {
  const { begin, end } = helperImageMarkers;
  return [begin, '', '```sh', multiPlatformHelperBuildSteps(cluster), '```', '', end].join('\n');
}
