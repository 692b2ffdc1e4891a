import type { FluentBitValues } from '@platform/charts';
import type { ComponentContext } from '@platform/core';
import {
  nodeAgentPriorityClass,
  nodeAgentTolerationsFor,
} from '../node-agents/node-agent-scheduling';
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
      // The kubernetes filter reads pod and namespace metadata from the API server.
      automountServiceAccountToken: true,
      annotations: output.serviceAccountAnnotations,
    },
    rbac: { create: true, nodeAccess: false, eventsAccess: false },
    securityContext: {
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    },
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
    tolerations: nodeAgentTolerationsFor(cluster),
    priorityClassName: nodeAgentPriorityClass,
    env: output.env,
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
      }),
      outputs: output.section,
    },
  };
}
