import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  datadogHistogramMetric,
  datadogMetric,
  openMetricsCheckConfig,
  type OpenMetricsSource,
} from './openmetrics-source';

const source: OpenMetricsSource = {
  name: 'exporter',
  prefix: 'platform.exporter',
  discovery: { kind: 'endpoints', namespace: 'ns', service: 'svc' },
  port: 9000,
  path: '/metrics',
  metrics: {
    exporter_errors: 'errors',
    exporter_queue: 'queue',
    exporter_wait_seconds: 'wait',
  },
  counters: ['exporter_errors'],
  histograms: ['exporter_wait_seconds'],
};

describe('openmetrics sources', () => {
  it('names counters with .count under the prefix, and refuses metrics it does not scrape', () => {
    expect(datadogMetric(source, 'exporter_errors')).toBe('platform.exporter.errors.count');
    expect(datadogMetric(source, 'exporter_queue')).toBe('platform.exporter.queue');
    expect(() => datadogMetric(source, 'exporter_other')).toThrow(/does not scrape exporter_other/);
  });

  it('names a histogram only by its .sum or .count, and refuses those of a metric that is none', () => {
    expect(datadogHistogramMetric(source, 'exporter_wait_seconds', 'sum')).toBe(
      'platform.exporter.wait.sum',
    );
    expect(datadogHistogramMetric(source, 'exporter_wait_seconds', 'count')).toBe(
      'platform.exporter.wait.count',
    );
    expect(() => datadogMetric(source, 'exporter_wait_seconds')).toThrow(/is a histogram/);
    expect(() => datadogHistogramMetric(source, 'exporter_queue', 'sum')).toThrow(
      /does not list exporter_queue as a histogram/,
    );
  });

  it('renders an endpoints cluster check for a Service, and an autodiscovery template for an image', () => {
    expect(parse(openMetricsCheckConfig(source))).toEqual({
      advanced_ad_identifiers: [{ kube_endpoints: { name: 'svc', namespace: 'ns' } }],
      cluster_check: true,
      init_config: {},
      instances: [
        {
          openmetrics_endpoint: 'http://%%host%%:9000/metrics',
          namespace: 'platform.exporter',
          metrics: [
            { exporter_errors: 'errors' },
            { exporter_queue: 'queue' },
            { exporter_wait_seconds: 'wait' },
          ],
        },
      ],
    });
    const container = parse(
      openMetricsCheckConfig({ ...source, discovery: { kind: 'container', image: 'runner' } }),
    ) as Record<string, unknown>;
    expect(container.ad_identifiers).toEqual(['runner']);
    expect(container.cluster_check).toBeUndefined();
  });
});
