import { iamRoleArn, type ClusterSpec, type LogOutputSpec } from '@platform/config';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import { datadogSecrets } from '../datadog/datadog-secrets';
import { datadogSite } from '../datadog/datadog-agent-values';

/** The Fluent Bit `[OUTPUT]` section, the env it reads and the IRSA role it needs, per cluster. */
export interface LogOutput {
  section: string;
  env: IEnvVar[];
  serviceAccountAnnotations: Record<string, string>;
}

/** Container logs go where the cluster's inventory entry says (`observability.logs`). */
export function logOutput(cluster: ClusterSpec): LogOutput {
  const logs: LogOutputSpec | undefined = cluster.observability?.logs;
  if (!logs)
    throw new Error(
      `cluster ${cluster.name} has no observability.logs (libs/config/src/clusters/${cluster.name}.ts)`,
    );
  return logs.type === 'datadog'
    ? datadogOutput(cluster)
    : cloudwatchOutput(cluster, logs.logGroup);
}

function datadogOutput(cluster: ClusterSpec): LogOutput {
  return {
    section: outputSection({
      Name: 'datadog',
      Match: 'kube.*',
      Host: `http-intake.logs.${datadogSite(cluster)}`,
      TLS: 'On',
      compress: 'gzip',
      // Fluent Bit expands ${VAR} from its environment: the key never enters the ConfigMap.
      apikey: '${DD_API_KEY}',
      dd_source: 'kubernetes',
      dd_tags: `kube_cluster_name:${cluster.eks.clusterName},cluster:${cluster.name}`,
      Retry_Limit: '10',
    }),
    env: [
      {
        name: 'DD_API_KEY',
        valueFrom: { secretKeyRef: { name: datadogSecrets.apiKey, key: 'api-key' } },
      },
    ],
    serviceAccountAnnotations: {},
  };
}

function cloudwatchOutput(cluster: ClusterSpec, logGroup: string): LogOutput {
  return {
    section: outputSection({
      Name: 'cloudwatch_logs',
      Match: 'kube.*',
      region: cluster.aws.region,
      log_group_name: logGroup,
      log_stream_prefix: `${cluster.name}.`,
      // The group (and its retention) belongs to the cluster's infrastructure code.
      auto_create_group: 'Off',
      Retry_Limit: '10',
    }),
    env: [],
    serviceAccountAnnotations: { 'eks.amazonaws.com/role-arn': iamRoleArn(cluster, 'fluent-bit') },
  };
}

/** A classic-mode section: `[NAME]` then one indented `Key Value` line per entry. */
export function configSection(name: string, entries: Record<string, string>): string {
  const width = Math.max(...Object.keys(entries).map((key) => key.length));
  const lines = Object.entries(entries).map(([key, value]) => `    ${key.padEnd(width)} ${value}`);
  return [`[${name}]`, ...lines, ''].join('\n');
}

function outputSection(entries: Record<string, string>): string {
  return configSection('OUTPUT', entries);
}
