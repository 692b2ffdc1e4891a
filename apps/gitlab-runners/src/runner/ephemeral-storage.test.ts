import { defaultJobSizeClass, jobSizeClasses, type ContainerSize } from '@platform/config';
import { committedObjects, findObject } from '@platform/rendered-tree';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { memoryBytes } from './quantity';

const app = committedObjects('rendered/ci/gitlab-runners');
const runners = [
  { name: 'restricted', jobNamespace: 'ci-jobs' },
  { name: 'privileged', jobNamespace: 'ci-jobs-privileged' },
];
const kinds = { build: '', helper: 'helper_', service: 'service_' } as const;
const classes = Object.values(jobSizeClasses);
const largestOf = (sizes: ContainerSize[]) =>
  sizes.reduce((a, b) =>
    memoryBytes(b.ephemeralStorage) > memoryBytes(a.ephemeralStorage) ? b : a,
  ).ephemeralStorage;

describe('ephemeral storage of job pods', () => {
  for (const runner of runners) {
    const configMap = findObject(app, 'ConfigMap', `gitlab-runner-${runner.name}`);
    const template = parse((configMap.data as Record<string, string>)['config.template.toml']!) as {
      runners: { kubernetes: Record<string, unknown> }[];
    };
    const kubernetes = template.runners[0]!.kubernetes;

    it(`${runner.name}: every container kind requests and is limited to the default class's storage`, () => {
      for (const [kind, prefix] of Object.entries(kinds)) {
        const expected = jobSizeClasses[defaultJobSizeClass][kind as keyof typeof kinds];
        expect(kubernetes[`${prefix}ephemeral_storage_request`], kind).toBe(
          expected.ephemeralStorage,
        );
        expect(kubernetes[`${prefix}ephemeral_storage_limit`], kind).toBe(
          expected.ephemeralStorage,
        );
      }
    });

    it(`${runner.name}: a job may ask up to the largest class's storage, no more`, () => {
      for (const [kind, prefix] of Object.entries(kinds)) {
        const largest = largestOf(classes.map((c) => c[kind as keyof typeof kinds]));
        for (const which of ['request', 'limit'])
          expect(
            kubernetes[`${prefix}ephemeral_storage_${which}_overwrite_max_allowed`],
            kind,
          ).toBe(largest);
      }
    });

    it(`${runner.name}: the job namespace keeps a container's storage request equal to its limit, at most the largest`, () => {
      const limitRange = app.find(
        (o) => o.kind === 'LimitRange' && o.metadata.namespace === runner.jobNamespace,
      )!;
      const [containers] = (limitRange.spec as { limits: Record<string, Record<string, string>>[] })
        .limits;
      expect(containers!.maxLimitRequestRatio).toEqual({ 'ephemeral-storage': '1' });
      expect(containers!.max!['ephemeral-storage']).toBe(
        largestOf(classes.flatMap((c) => [c.build, c.helper, c.service])),
      );
      expect(containers!.default!['ephemeral-storage']).toBe(
        containers!.defaultRequest!['ephemeral-storage'],
      );
    });
  }
});
