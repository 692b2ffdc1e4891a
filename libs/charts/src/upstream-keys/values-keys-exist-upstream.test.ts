import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { externalSecretsChart } from '../external-secrets/external-secrets-chart';
import { externalSecretsValuesWrittenAgainst } from '../external-secrets/external-secrets-values';
import { gitlabRunnerChart } from '../gitlab-runner/gitlab-runner-chart';
import { gitlabRunnerValuesWrittenAgainst } from '../gitlab-runner/gitlab-runner-values';
import { declaredKeyPaths } from './declared-key-paths';
import { documentedKeyPaths } from './documented-key-paths';
import { upstreamValuesYaml } from './upstream-chart-values';

const models = [
  {
    pin: gitlabRunnerChart,
    writtenAgainst: gitlabRunnerValuesWrittenAgainst,
    file: '../gitlab-runner/gitlab-runner-values.ts',
    type: 'GitlabRunnerValues',
  },
  {
    pin: externalSecretsChart,
    writtenAgainst: externalSecretsValuesWrittenAgainst,
    file: '../external-secrets/external-secrets-values.ts',
    type: 'ExternalSecretsValues',
  },
];

describe('typed values interfaces declare only keys their pinned chart version has', () => {
  for (const model of models) {
    const { chart, version } = model.pin;

    it(`${chart}: the pin names the version the interface was written against`, () => {
      expect(version).toBe(model.writtenAgainst);
    });

    const upstream = upstreamValuesYaml(chart, version);
    if ('missing' in upstream) {
      it.skip(`${chart} ${version}: skipped, no upstream values.yaml (${upstream.missing})`);
      console.log(`skipping ${chart} ${version} key check: ${upstream.missing}`);
      continue;
    }
    it(`${chart} ${version}: every declared key path is in the chart's values.yaml`, () => {
      const offered = documentedKeyPaths(upstream.yaml);
      const declared = declaredKeyPaths(resolve(__dirname, model.file), model.type).map((path) =>
        path.join('.'),
      );
      expect(declared.length).toBeGreaterThan(20);
      expect(declared.filter((path) => !offered.has(path))).toEqual([]);
    });
  }
});
