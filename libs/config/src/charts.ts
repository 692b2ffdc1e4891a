import type { ChartPin } from './inventory-types';

/**
 * Every Helm chart the platform deploys, one exact pin each. Renovate updates these lines.
 * Versions match the upstream snapshots the typed values interfaces were written against.
 */
export const charts = {
  // renovate: datasource=docker depName=public.ecr.aws/karpenter/karpenter
  karpenter: { chart: 'karpenter', repoURL: 'oci://public.ecr.aws/karpenter', version: '1.14.1' },
  // renovate: datasource=helm depName=gitlab-runner registryUrl=https://charts.gitlab.io
  gitlabRunner: { chart: 'gitlab-runner', repoURL: 'https://charts.gitlab.io', version: '0.86.0' },
  // renovate: datasource=helm depName=datadog registryUrl=https://helm.datadoghq.com
  datadog: { chart: 'datadog', repoURL: 'https://helm.datadoghq.com', version: '3.240.0' },
  // renovate: datasource=helm depName=fluent-bit registryUrl=https://fluent.github.io/helm-charts
  fluentBit: {
    chart: 'fluent-bit',
    repoURL: 'https://fluent.github.io/helm-charts',
    version: '0.58.1',
  },
} as const satisfies Record<string, ChartPin>;
