import type { ComponentContext } from '@platform/core';
import { defineMonitors, type MonitorDefinition } from '@platform/monitoring';
import { agentDaemonSetUnavailable } from './agent-daemonset-unavailable';
import { fluentBitOutputErrors } from './fluent-bit-output-errors';
import { nodeNotReady } from './node-not-ready';
import { podsPending } from './pods-pending';
import { subnetFreeIps } from './subnet-free-ips';

/** The monitors of one cluster (exported for tests). */
export const clusterMonitors = ({ cluster }: ComponentContext): MonitorDefinition[] => [
  nodeNotReady(cluster),
  podsPending(cluster),
  ...subnetFreeIps(cluster),
  fluentBitOutputErrors(cluster),
  agentDaemonSetUnavailable(cluster),
];

/** The cluster-wide monitors: nodes, scheduling, IP space and the node agents themselves. */
export default defineMonitors({
  description: 'Cluster-wide DatadogMonitors: nodes, pending pods, subnet IPs, node agents.',
  clusters: 'all',
  monitors: clusterMonitors,
});
