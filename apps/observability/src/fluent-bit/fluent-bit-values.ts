import type { FluentBitValues } from '@platform/charts';
import type { ComponentContext } from '@platform/core';
import {
  nodeAgentPriorityClass,
  nodeAgentTolerationsFor,
} from '../node-agents/node-agent-scheduling';
import { nodeAddressVariable } from './kubelet-metadata-access';
import { configSection, logOutput } from './log-output';

/** Where Fluent Bit keeps its read offsets on the node, so a restart neither loses nor repeats lines. */
export const fluentBitStatePath = '/var/lib/fluent-bit';

/**
 * Values of the fluent-bit chart: tail every container log on the node, add Kubernetes metadata,
 * ship to the cluster's log output. Nothing else (no systemd input, no test pod).
 */
export function fluentBitValues({ cluster }: ComponentContext): FluentBitValues {
  const output = logOutput(cluster);
  return {
    kind: 'DaemonSet',
    testFramework: { enabled: false },
    serviceAccount: {
      create: true,
      // The kubernetes filter reads pod metadata from its node's kubelet with this token.
      automountServiceAccountToken: true,
      annotations: output.serviceAccountAnnotations,
    },
    // The chart's ClusterRole lists every pod of the cluster; kubelet-metadata-access.ts grants
    // only its own node's pod list instead.
    rbac: { create: false },
    securityContext: {
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    },
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
    tolerations: nodeAgentTolerationsFor(cluster),
    priorityClassName: nodeAgentPriorityClass,
    env: [
      { name: nodeAddressVariable, valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } },
      ...output.env,
    ],
    daemonSetVolumes: [
      { name: 'varlog', hostPath: { path: '/var/log' } },
      { name: 'state', hostPath: { path: fluentBitStatePath, type: 'DirectoryOrCreate' } },
    ],
    daemonSetVolumeMounts: [
      { name: 'varlog', mountPath: '/var/log', readOnly: true },
      { name: 'state', mountPath: fluentBitStatePath },
    ],
    config: {
      inputs: configSection('INPUT', {
        Name: 'tail',
        Path: '/var/log/containers/*.log',
        'multiline.parser': 'docker, cri',
        Tag: 'kube.*',
        DB: `${fluentBitStatePath}/tail-containers.db`,
        Mem_Buf_Limit: '16MB',
        Skip_Long_Lines: 'On',
        Refresh_Interval: '10',
      }),
      filters: configSection('FILTER', {
        Name: 'kubernetes',
        Match: 'kube.*',
        Merge_Log: 'On',
        Keep_Log: 'Off',
        'K8S-Logging.Parser': 'On',
        'K8S-Logging.Exclude': 'On',
        // Annotations are large and rarely useful in a log line.
        Annotations: 'Off',
        // Pod metadata from this node's kubelet (GET /pods), not from the API server: at 1,000+
        // job pods a watch per node would load the API server, and the token would have to read
        // every pod of the cluster. The address is the node's own, so nothing leaves the node.
        Use_Kubelet: 'On',
        Kubelet_Host: `\${${nodeAddressVariable}}`,
        Kubelet_Port: '10250',
        // EKS kubelet serving certificates are not signed by the CA the pods trust.
        'tls.verify': 'Off',
        // The kubelet answers with every pod of the node, and GitLab Runner 18.9 puts every CI/CD
        // variable into each job container's env: the default 32k drops the metadata of busy
        // nodes (Fluent Bit discards a response larger than the buffer). 0: grow as needed.
        Buffer_Size: '0',
      }),
      outputs: output.section,
    },
  };
}
