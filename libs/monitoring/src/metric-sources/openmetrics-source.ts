import { stringify } from 'yaml';

/**
 * A Prometheus endpoint the Datadog agents scrape with the `openmetrics` check, and the Datadog
 * names its metrics get. Monitors name metrics through `datadogMetric`, so a query can only name
 * a metric the scrape configuration actually produces.
 */
export interface OpenMetricsSource {
  /** File name of the check configuration (`openmetrics.d/<name>.yaml`). */
  name: string;
  /** Datadog metric prefix; `platform.` keeps it apart from Datadog's own integrations' names. */
  prefix: string;
  /**
   * How the agents find it: the endpoints of a Service (dispatched by the cluster agent to the
   * node agent beside each pod), or every container whose image short name is given (node-agent
   * autodiscovery).
   */
  discovery:
    | { kind: 'endpoints'; namespace: string; service: string }
    | { kind: 'container'; image: string };
  port: number;
  path: string;
  /** Prometheus name (without `_total` for counters) → Datadog name under the prefix. */
  metrics: Record<string, string>;
  /** Prometheus counters: Datadog appends `.count`. */
  counters?: readonly string[];
  /**
   * Prometheus histograms (named without `_bucket`/`_sum`/`_count`): the check submits
   * `<name>.sum` and `<name>.count` as monotonic counts (and `<name>.bucket`).
   */
  histograms?: readonly string[];
}

/** The Datadog metric name a source gives a Prometheus metric; throws for one it does not scrape. */
export function datadogMetric(source: OpenMetricsSource, prometheusName: string): string {
  const name = scrapedName(source, prometheusName);
  if (source.histograms?.includes(prometheusName))
    throw new Error(
      `${prometheusName} is a histogram in metric source ${source.name}: name its .sum or .count with datadogHistogramMetric`,
    );
  const counter = source.counters?.includes(prometheusName) ? '.count' : '';
  return `${source.prefix}.${name}${counter}`;
}

/** The Datadog name of a histogram's sum or count (both monotonic counts, for `.as_count()`). */
export function datadogHistogramMetric(
  source: OpenMetricsSource,
  prometheusName: string,
  part: 'sum' | 'count',
): string {
  const name = scrapedName(source, prometheusName);
  if (!source.histograms?.includes(prometheusName))
    throw new Error(`metric source ${source.name} does not list ${prometheusName} as a histogram`);
  return `${source.prefix}.${name}.${part}`;
}

function scrapedName(source: OpenMetricsSource, prometheusName: string): string {
  const name = source.metrics[prometheusName];
  if (name === undefined)
    throw new Error(
      `metric source ${source.name} does not scrape ${prometheusName}; add it to its metrics first`,
    );
  return name;
}

/**
 * The `openmetrics` check file for a source: an endpoints check for the cluster agent (every pod
 * behind the Service is scraped by the node agent beside it and tagged with its pod), or an
 * autodiscovery template for the node agents.
 */
export function openMetricsCheckConfig(source: OpenMetricsSource): string {
  const { discovery } = source;
  const identifiers =
    discovery.kind === 'endpoints'
      ? {
          advanced_ad_identifiers: [
            { kube_endpoints: { name: discovery.service, namespace: discovery.namespace } },
          ],
          cluster_check: true,
        }
      : { ad_identifiers: [discovery.image] };
  return stringify({
    ...identifiers,
    init_config: {},
    instances: [
      {
        openmetrics_endpoint: `http://%%host%%:${source.port}${source.path}`,
        namespace: source.prefix,
        metrics: Object.entries(source.metrics).map(([raw, name]) => ({ [raw]: name })),
      },
    ],
  });
}
