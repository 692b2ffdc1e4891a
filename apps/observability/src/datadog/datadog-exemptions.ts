import { namespaces } from '@platform/config';
import type { PolicyExemption } from '@platform/core';

const namespace = namespaces.observability;

/**
 * Policy exemptions of the datadog chart's objects, each for one object in the observability
 * namespace (or a ClusterRole bound only there), with the reason it is needed.
 */
export const datadogExemptions: PolicyExemption[] = [
  {
    rule: 'host-access',
    kind: 'DaemonSet',
    name: 'datadog',
    namespace,
    reason:
      'The node agent reads node metrics from /proc and /sys/fs/cgroup, the OS release and /etc/passwd (process owners), and container metadata from the runtime socket under /var/run; /var/run/datadog is its own socket directory. No host network, no host PID.',
  },
  {
    rule: 'service-account-token-automount',
    kind: 'ServiceAccount',
    name: 'datadog',
    namespace,
    reason: 'The node agent calls the kubelet and the API server (pod and node metadata for tags).',
  },
  {
    rule: 'service-account-token-automount',
    kind: 'ServiceAccount',
    name: 'datadog-cluster-agent',
    namespace,
    reason:
      'The cluster agent watches the API server: kube-state-metrics core, events, leader election, cluster checks.',
  },
  {
    rule: 'service-account-token-automount',
    kind: 'ServiceAccount',
    name: 'datadog-operator',
    namespace,
    reason: 'The Datadog Operator watches DatadogMonitor resources and writes their status.',
  },
  {
    rule: 'rbac-no-wildcards',
    kind: 'ClusterRole',
    name: 'datadog-operator',
    reason:
      'datadog-operator 2.25.0 renders one ClusterRole for all its controllers (wildcards for the DatadogAgent controller, which is disabled here) and has no value to narrow it; bound only to its ServiceAccount in the observability namespace.',
  },
  {
    rule: 'rbac-no-cluster-secret-read',
    kind: 'ClusterRole',
    name: 'datadog-operator',
    reason:
      'The operator chart always grants Secret reads (for DatadogAgent credentials in any namespace); the ClusterRole cannot be narrowed by values and is bound only to the operator.',
  },
];
