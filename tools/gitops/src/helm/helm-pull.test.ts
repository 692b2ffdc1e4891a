import { describe, expect, it } from 'vitest';
import { helmPullArguments } from './helm-pull';

describe('helm pull arguments', () => {
  it('pulls an OCI chart by its full reference, and a classic one with --repo', () => {
    expect(
      helmPullArguments({
        chart: 'karpenter',
        version: '1.15.0',
        repository: 'oci://public.ecr.aws/karpenter/',
      }),
    ).toEqual(['pull', 'oci://public.ecr.aws/karpenter/karpenter', '--version', '1.15.0']);
    expect(
      helmPullArguments({
        chart: 'fluent-bit',
        version: '0.58.1',
        repository: 'https://fluent.github.io/helm-charts',
      }),
    ).toEqual([
      'pull',
      'fluent-bit',
      '--repo',
      'https://fluent.github.io/helm-charts',
      '--version',
      '0.58.1',
    ]);
  });
});
