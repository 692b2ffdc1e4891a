import {
  externalSecretsValuesWrittenAgainst,
  gitlabRunnerValuesWrittenAgainst,
  datadogValuesWrittenAgainst,
  fluentBitValuesWrittenAgainst,
  karpenterValuesWrittenAgainst,
} from '@platform/charts';

/**
 * Every typed Helm values interface in libs/charts, with the chart and the chart version it was
 * written against. One line per chart; the schema is keyed `chart@version`, so bumping a chart pin
 * without reviewing its values interface fails validation instead of passing unchecked.
 */
export interface HelmValuesModel {
  chart: string;
  version: string;
  /** Repository-relative path of the module that exports the interface. */
  module: string;
  type: string;
}

export const helmValuesModels: HelmValuesModel[] = [
  {
    chart: 'karpenter',
    version: karpenterValuesWrittenAgainst,
    module: 'libs/charts/src/karpenter/karpenter-values.ts',
    type: 'KarpenterValues',
  },
  {
    chart: 'gitlab-runner',
    version: gitlabRunnerValuesWrittenAgainst,
    module: 'libs/charts/src/gitlab-runner/gitlab-runner-values.ts',
    type: 'GitlabRunnerValues',
  },
  {
    chart: 'external-secrets',
    version: externalSecretsValuesWrittenAgainst,
    module: 'libs/charts/src/external-secrets/external-secrets-values.ts',
    type: 'ExternalSecretsValues',
  },
  {
    chart: 'datadog',
    version: datadogValuesWrittenAgainst,
    module: 'libs/charts/src/datadog/datadog-values.ts',
    type: 'DatadogValues',
  },
  {
    chart: 'fluent-bit',
    version: fluentBitValuesWrittenAgainst,
    module: 'libs/charts/src/fluent-bit/fluent-bit-values.ts',
    type: 'FluentBitValues',
  },
];
