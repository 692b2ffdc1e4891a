import { namespaces } from '@platform/config';
import type { OpenMetricsSource } from './openmetrics-source';

/**
 * What the platform scrapes beyond Datadog's built-in Kubernetes metrics (`kubernetes_state.*`
 * from the cluster agent). Metric names are the exporters' own, for the pinned versions.
 */

/** Karpenter 1.14.1 controller metrics (chart 1.14.1: Service `karpenter`, port 8080). */
export const karpenterMetrics: OpenMetricsSource = {
  name: 'karpenter',
  prefix: 'platform.karpenter',
  discovery: { kind: 'endpoints', namespace: namespaces.karpenter, service: 'karpenter' },
  port: 8080,
  path: '/metrics',
  metrics: {
    karpenter_cloudprovider_errors: 'cloudprovider.errors',
    karpenter_nodeclaims_created: 'nodeclaims.created',
    karpenter_nodepools_usage: 'nodepools.usage',
    karpenter_nodepools_limit: 'nodepools.limit',
  },
  counters: ['karpenter_cloudprovider_errors', 'karpenter_nodeclaims_created'],
};

/** Fluent Bit 5.1 metrics on its HTTP server (chart 0.58.1: Service `fluent-bit`, port 2020). */
export const fluentBitMetrics: OpenMetricsSource = {
  name: 'fluent-bit',
  prefix: 'platform.fluentbit',
  discovery: { kind: 'endpoints', namespace: namespaces.observability, service: 'fluent-bit' },
  port: 2020,
  path: '/api/v1/metrics/prometheus',
  metrics: {
    fluentbit_output_errors: 'output.errors',
    fluentbit_output_retries_failed: 'output.retries_failed',
    fluentbit_output_proc_records: 'output.proc_records',
  },
  counters: [
    'fluentbit_output_errors',
    'fluentbit_output_retries_failed',
    'fluentbit_output_proc_records',
  ],
};

/**
 * GitLab Runner 18.9 manager metrics on listen_address :9252 (the chart's `metrics.enabled`), found
 * by the image short name of the runner manager container, whatever the runner releases are
 * called. Each manager pod reports its own: `gitlab_runner_jobs` (running jobs, by state and stage),
 * `gitlab_runner_limit` (its `[[runners]] limit`), `gitlab_runner_job_queue_duration_seconds` (how
 * long each job it took had waited in GitLab's pending queue, `queued_for` from the job payload)
 * and `gitlab_runner_request_concurrency_exceeded_total` (a free job slot found
 * `request_concurrency` job requests already open); labels `runner`, `runner_name`, `system_id`.
 */
export const gitlabRunnerMetrics: OpenMetricsSource = {
  name: 'gitlab-runner',
  prefix: 'platform.gitlab_runner',
  discovery: { kind: 'container', image: 'gitlab-runner' },
  port: 9252,
  path: '/metrics',
  metrics: {
    gitlab_runner_jobs: 'jobs',
    gitlab_runner_limit: 'limit',
    gitlab_runner_job_queue_duration_seconds: 'job_queue_duration',
    gitlab_runner_request_concurrency_exceeded: 'request_concurrency_exceeded',
  },
  counters: ['gitlab_runner_request_concurrency_exceeded'],
  histograms: ['gitlab_runner_job_queue_duration_seconds'],
};

/** Argo CD 3.5 application-controller metrics (install manifests: Service `argocd-metrics`, 8082). */
export const argocdMetrics: OpenMetricsSource = {
  name: 'argocd-application-controller',
  prefix: 'platform.argocd',
  discovery: { kind: 'endpoints', namespace: namespaces.argocd, service: 'argocd-metrics' },
  port: 8082,
  path: '/metrics',
  metrics: { argocd_app_info: 'app.info' },
};
