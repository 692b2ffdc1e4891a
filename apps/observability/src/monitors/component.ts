import { defineMonitors } from '@platform/monitoring';
import { agentDaemonSetUnavailable } from './agent-daemonset-unavailable';
import { fluentBitOutputErrors } from './fluent-bit-output-errors';
import { nodeNotReady } from './node-not-ready';
import { podsPending } from './pods-pending';
import { subnetFreeIps } from './subnet-free-ips';

/** The cluster-wide monitors: nodes, scheduling, IP space and the node agents themselves. */
export default defineMonitors({
  description: 'Cluster-wide DatadogMonitors: nodes, pending pods, subnet IPs, node agents.',
  clusters: 'all',
  monitors: ({ cluster }) => [
    nodeNotReady(cluster),
    podsPending(cluster),
    ...subnetFreeIps(cluster),
    fluentBitOutputErrors(cluster),
    agentDaemonSetUnavailable(cluster),
  ],
});
