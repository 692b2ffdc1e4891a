import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
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
  metrics: { exporter_errors: 'errors', exporter_queue: 'queue' },
  counters: ['exporter_errors'],
};

describe('openmetrics sources', () => {
  it('names counters with .count under the prefix, and refuses metrics it does not scrape', () => {
    expect(datadogMetric(source, 'exporter_errors')).toBe('platform.exporter.errors.count');
    expect(datadogMetric(source, 'exporter_queue')).toBe('platform.exporter.queue');
    expect(() => datadogMetric(source, 'exporter_other')).toThrow(/does not scrape exporter_other/);
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
          metrics: [{ exporter_errors: 'errors' }, { exporter_queue: 'queue' }],
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
