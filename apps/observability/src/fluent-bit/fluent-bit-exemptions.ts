import { namespaces } from '@platform/config';
import type { PolicyExemption } from '@platform/core';
import { fluentBitStatePath } from './fluent-bit-config';

const namespace = namespaces.observability;

/** Policy exemptions of the fluent-bit chart's objects, limited to the observability namespace. */
export const fluentBitExemptions: PolicyExemption[] = [
  {
    rule: 'host-access',
    kind: 'DaemonSet',
    name: 'fluent-bit',
    namespace,
    reason: `Fluent Bit tails the node's container logs under /var/log (read-only) and keeps its read offsets in ${fluentBitStatePath}, so a restart neither loses nor repeats lines. No host network, no host PID.`,
  },
  {
    rule: 'service-account-token-automount',
    kind: 'ServiceAccount',
    name: 'fluent-bit',
    namespace,
    reason:
      "The kubernetes filter reads pod metadata from its node's kubelet (GET /pods, nodes/pods only); the chart sets the same flag on the ServiceAccount and the pod.",
  },
];
