import type { ComponentContext } from '@platform/core';
import {
  argocdMetrics,
  capacityBufferState,
  nodeOverlayState,
  type CustomResourceStateSource,
  fluentBitMetrics,
  gitlabRunnerMetrics,
  karpenterMetrics,
  openMetricsCheckConfig,
  type OpenMetricsSource,
} from '@platform/monitoring';

/**
 * The Prometheus endpoints this cluster's agents scrape: a source is scraped on a cluster exactly
 * when the catalog deploys what exposes it there, so a monitor never waits on a metric nobody
 * collects, and no agent scrapes a Service that does not exist.
 */
export function scrapedSources({ catalog, cluster }: ComponentContext): OpenMetricsSource[] {
  const deploys = (app: string, component?: string) =>
    catalog.some(
      (entry) =>
        entry.app === app &&
        (component === undefined || entry.name === component) &&
        entry.clusters.includes(cluster.name),
    );
  return [
    ...(deploys('karpenter', 'controller') ? [karpenterMetrics] : []),
    ...(deploys('observability', 'fluent-bit') ? [fluentBitMetrics] : []),
    ...(deploys('gitlab-runners') ? [gitlabRunnerMetrics] : []),
    // Argo CD runs on the management cluster (its install is an app of this repo there).
    ...(cluster.role === 'management' ? [argocdMetrics] : []),
  ];
}

/**
 * The custom resources whose status this cluster's kube-state-metrics core check collects: those
 * of the CRDs the catalog installs there (Karpenter's controller brings CapacityBuffer and
 * NodeOverlay), so the check never watches a kind the cluster does not serve.
 */
export function customResourceSources({
  catalog,
  cluster,
}: ComponentContext): CustomResourceStateSource[] {
  const karpenter = catalog.some(
    (entry) =>
      entry.app === 'karpenter' &&
      entry.name === 'controller' &&
      entry.clusters.includes(cluster.name),
  );
  return karpenter ? [capacityBufferState, nodeOverlayState] : [];
}

/** Cluster-agent files for the Service-backed sources: `openmetrics.d/<source>.yaml`. */
export function clusterCheckFiles(sources: readonly OpenMetricsSource[]) {
  const files = Object.fromEntries(
    sources
      .filter((source) => source.discovery.kind === 'endpoints')
      .map((source) => [`${source.name}.yaml`, openMetricsCheckConfig(source)]),
  );
  return Object.keys(files).length > 0 ? { 'openmetrics.d': files } : undefined;
}

/**
 * Node-agent autodiscovery templates for the container-discovered sources. The chart mounts
 * `datadog.confd` as single files, one per check, so at most one such source can use `openmetrics`.
 */
export function nodeCheckFiles(sources: readonly OpenMetricsSource[]) {
  const byImage = sources.filter((source) => source.discovery.kind === 'container');
  if (byImage.length > 1)
    throw new Error(
      `only one container-discovered openmetrics source fits the node agents' confd (got ${byImage.map((s) => s.name).join(', ')}); scrape the others through a Service`,
    );
  return byImage.length === 1
    ? { 'openmetrics.yaml': openMetricsCheckConfig(byImage[0]!) }
    : undefined;
}
