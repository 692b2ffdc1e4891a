import type { FluentBitValues } from '@platform/charts';
import type { ComponentContext } from '@platform/core';
import {
  nodeAgentPriorityClass,
  nodeAgentTolerationsFor,
} from '../node-agents/node-agent-scheduling';
import {
  fluentBitArgs,
  fluentBitStatePath,
  fluentBitYamlConfig,
  yamlConfigFile,
} from './fluent-bit-config';
import { nodeAddressVariable } from './kubelet-metadata-access';
import { logOutput } from './log-output';

const unusedClassicConfig = `# Unused: Fluent Bit runs ${yamlConfigFile} (the classic format is deprecated).`;

/**
 * Values of the fluent-bit chart: the DaemonSet that runs the YAML configuration of
 * fluent-bit-config.ts on every node. Nothing else (no systemd input, no test pod).
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
    args: fluentBitArgs,
    config: {
      // The chart always renders a classic fluent-bit.conf from these; Fluent Bit is started with
      // the YAML file instead (fluent-bit-config.ts), so they only say so.
      service: unusedClassicConfig,
      inputs: '',
      filters: '',
      outputs: '',
      customParsers: unusedClassicConfig,
      extraFiles: { [yamlConfigFile]: fluentBitYamlConfig(output.output) },
    },
  };
}
