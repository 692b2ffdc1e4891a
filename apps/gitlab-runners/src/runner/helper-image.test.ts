import { gitlabRunnerVersion } from '@platform/charts';
import { clusterByName, inventory, type ClusterSpec } from '@platform/config';
import { repositoryRoot } from '@platform/rendered-tree';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  helperImageBlock,
  helperImageMarkers,
  multiPlatformHelperBuildSteps,
  multiPlatformHelperImage,
  upstreamHelperImage,
} from './helper-image';

const ci = clusterByName(inventory, 'ci');
const fixture: ClusterSpec = {
  ...ci,
  name: 'fixture',
  aws: { accountId: '000000000000', region: 'eu-central-1' },
  eks: { ...ci.eks, clusterName: 'fixture-cluster' },
  gitlabRunners: { multiArchHelperImage: 'ecr' },
};

describe('the runner helper images', () => {
  it('name the upstream tag of each architecture for the pinned runner version', () => {
    const name = 'registry.gitlab.com/gitlab-org/gitlab-runner/gitlab-runner-helper';
    expect(upstreamHelperImage('amd64')).toBe(`${name}:x86_64-v${gitlabRunnerVersion}`);
    expect(upstreamHelperImage('arm64')).toBe(`${name}:arm64-v${gitlabRunnerVersion}`);
  });

  it('put the multi-platform one in the cluster account’s ECR, tagged with the runner version', () => {
    expect(multiPlatformHelperImage(fixture)).toBe(
      `000000000000.dkr.ecr.eu-central-1.amazonaws.com/fixture-cluster/gitlab-runner-helper:v${gitlabRunnerVersion}`,
    );
  });

  it('refuse a multi-platform helper where the inventory does not say it exists, naming the file and field', () => {
    for (const gitlabRunners of [undefined, { multiArchHelperImage: 'none' as const }])
      expect(() => multiPlatformHelperImage({ ...fixture, gitlabRunners })).toThrow(
        /libs\/config\/src\/clusters\/fixture\.ts: gitlabRunners\.multiArchHelperImage is not 'ecr'/,
      );
  });

  it('are built by an index of exactly the two upstream tags, pushed to the reference the runner uses', () => {
    const steps = multiPlatformHelperBuildSteps(fixture);
    expect(steps).toContain(`crane index append --tag ${multiPlatformHelperImage(fixture)}`);
    const sources = [...steps.matchAll(/--manifest (\S+)/g)].map((m) => m[1]);
    expect(sources).toEqual([upstreamHelperImage('amd64'), upstreamHelperImage('arm64')]);
    expect(steps).toContain(
      'crane auth login 000000000000.dkr.ecr.eu-central-1.amazonaws.com --username AWS --password-stdin',
    );
  });

  for (const document of ['apps/gitlab-runners/README.md', 'docs/security.md'])
    it(`${document} shows the exact command for ci`, () => {
      const text = readFileSync(join(repositoryRoot, document), 'utf8');
      const start = text.indexOf(helperImageMarkers.begin);
      const stop = text.indexOf(helperImageMarkers.end);
      expect(start, `${document} has no ${helperImageMarkers.begin}`).toBeGreaterThanOrEqual(0);
      expect(text.slice(start, stop + helperImageMarkers.end.length)).toBe(helperImageBlock(ci));
    });
});
