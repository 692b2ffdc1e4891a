import { gitlabRunnerVersion } from '@platform/charts';
import { describe, expect, it } from 'vitest';
import {
  executorJobPod,
  jobHelperImage,
  jobNodeSelector,
  runnersTakingJob,
  type ExecutorKubernetesSection,
} from './executor-job-pod';
import { upstreamHelperImageName } from './helper-image';

const manager = { version: gitlabRunnerVersion, architecture: 'amd64' };
const tag = `v${gitlabRunnerVersion}`;

// Ported from GitLab Runner's executors/kubernetes/overwrites_test.go, TestOverwrites: the node
// selector part of each case (config, KUBERNETES_NODE_SELECTOR_* variables, expected selector or
// failure), same inputs and verdicts.
describe('the job pod node selector, as the 18.9 executor overwrites it (upstream TestOverwrites)', () => {
  it('Empty Configuration: no selector', () => {
    expect(jobNodeSelector({})).toEqual({});
  });

  it('All overwrites allowed: each variable sets its key, the others stay', () => {
    const config: ExecutorKubernetesSection = {
      node_selector_overwrite_allowed: '.*',
      node_selector: {
        test1: 'test1',
        test2: 'test2',
        'kubernetes.io/arch': 'amd64',
        'eks.amazonaws.com/capacityType': 'SPOT',
      },
    };
    const variables = {
      KUBERNETES_NODE_SELECTOR_SPOT: 'eks.amazonaws.com/capacityType=ON_DEMAND',
      KUBERNETES_NODE_SELECTOR_ARCH: 'kubernetes.io/arch=arm64',
    };
    expect(jobNodeSelector(config, variables)).toEqual({
      test1: 'test1',
      test2: 'test2',
      'eks.amazonaws.com/capacityType': 'ON_DEMAND',
      'kubernetes.io/arch': 'arm64',
    });
  });

  it('No overwrites allowed: the variables are ignored', () => {
    const config = { node_selector: { test1: 'test1', test2: 'test2' } };
    const variables = {
      KUBERNETES_NODE_SELECTOR_1: 'test3=test3',
      KUBERNETES_NODE_SELECTOR_2: 'test4=test4',
    };
    expect(jobNodeSelector(config, variables)).toEqual({ test1: 'test1', test2: 'test2' });
  });

  it('NodeSelector failure: a value the pattern does not match fails the job', () => {
    expect(() =>
      jobNodeSelector(
        { node_selector_overwrite_allowed: 'not-a-match' },
        { KUBERNETES_NODE_SELECTOR_1: 'test1=test1' },
      ),
    ).toThrow(/does not match/);
  });

  it('NodeSelector malformed key: a value without "=" fails the job', () => {
    expect(() =>
      jobNodeSelector(
        { node_selector_overwrite_allowed: '.*' },
        { KUBERNETES_NODE_SELECTOR_1: 'test1' },
      ),
    ).toThrow(/k=v/);
  });
});

// Ported from executors/kubernetes/kubernetes_test.go: TestPrepare's helper image cases (the
// expected tag `<arch>-<helperImageTag>` on registry.gitlab.com) and TestSetupBuildPod's "uses
// configured helper image". The Windows case is refused instead of ported (Linux nodes only).
describe('the job pod helper image, as the 18.9 executor picks it (upstream TestPrepare)', () => {
  const image = (config: ExecutorKubernetesSection, variables = {}) =>
    jobHelperImage(config, jobNodeSelector(config, variables), manager);

  it('Default helper image: x86_64', () => {
    expect(image({})).toBe(`${upstreamHelperImageName}:x86_64-${tag}`);
  });

  it('helper image with ubuntu flavour default registry', () => {
    expect(image({ helper_image_flavor: 'ubuntu' })).toBe(
      `${upstreamHelperImageName}:ubuntu-x86_64-${tag}`,
    );
  });

  it('helper image from node selector (linux, arm)', () => {
    const config = {
      node_selector: { 'kubernetes.io/arch': 'arm64', 'kubernetes.io/os': 'linux' },
    };
    expect(image(config)).toBe(`${upstreamHelperImageName}:arm64-${tag}`);
  });

  it('helper image from node selector (unknown): unsupported OS type', () => {
    const config = {
      node_selector: { 'kubernetes.io/arch': 'riscv64', 'kubernetes.io/os': 'unknown' },
    };
    expect(() => image(config)).toThrow('unsupported OSType "unknown"');
  });

  it('helper image from node selector overrides (linux+amd overwritten to linux+arm)', () => {
    const config = {
      node_selector: { 'kubernetes.io/arch': 'amd64', 'kubernetes.io/os': 'linux' },
      node_selector_overwrite_allowed: '.*',
    };
    expect(image(config, { KUBERNETES_NODE_SELECTOR_ARCH: 'kubernetes.io/arch=arm64' })).toBe(
      `${upstreamHelperImageName}:arm64-${tag}`,
    );
  });

  it('autoset helper arch and os: the manager’s own architecture', () => {
    const config = { helper_image_autoset_arch_and_os: true };
    expect(jobHelperImage(config, {}, { ...manager, architecture: 'arm64' })).toBe(
      `${upstreamHelperImageName}:arm64-${tag}`,
    );
  });

  it('uses configured helper image, whatever the node selector says', () => {
    const config = {
      helper_image: 'custom/helper-image',
      node_selector: { 'kubernetes.io/arch': 'arm64' },
    };
    expect(image(config)).toBe('custom/helper-image');
  });
});

describe('which runner takes a job (GitLab’s tag matching)', () => {
  const runners = [
    { name: 'untagged', tags: ['ci', 'amd64'], runUntagged: true },
    { name: 'tagged-only', tags: ['special', 'extra'], runUntagged: false },
  ];
  const names = (tags: string[]) => runnersTakingJob({ tags }, runners).map((r) => r.name);

  it('an untagged job goes to the runners that run untagged jobs', () => {
    expect(names([])).toEqual(['untagged']);
  });

  it('a tagged job goes to the runners that have every one of its tags, and nowhere else', () => {
    expect(names(['special'])).toEqual(['tagged-only']);
    expect(names(['special', 'extra'])).toEqual(['tagged-only']);
    expect(names(['special', 'amd64'])).toEqual([]);
  });
});

describe('the job pod', () => {
  it('tolerates each `key=value` of node_tolerations with Equal, a bare key with Exists', () => {
    const pod = executorJobPod(
      { node_tolerations: { 'ci.platform/jobs=restricted': 'NoSchedule', dedicated: 'NoExecute' } },
      { tags: [] },
      manager,
    );
    expect(pod.tolerations).toEqual([
      { key: 'ci.platform/jobs', operator: 'Equal', value: 'restricted', effect: 'NoSchedule' },
      { key: 'dedicated', operator: 'Exists', effect: 'NoExecute' },
    ]);
  });
});
