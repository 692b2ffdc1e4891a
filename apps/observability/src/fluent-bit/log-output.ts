import { iamRoleArn, type ClusterSpec, type LogOutputSpec } from '@platform/config';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import { datadogSecrets } from '../datadog/datadog-secrets';
import { datadogSite } from '../datadog/datadog-agent-values';

/** A Fluent Bit plugin's properties (`name`, `match`, …), as one entry of a pipeline list. */
export type PluginProperties = Record<string, string>;

/** The Fluent Bit output, the env it reads and the IRSA role it needs, per cluster. */
export interface LogOutput {
  output: PluginProperties;
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
    output: {
      name: 'datadog',
      match: 'kube.*',
      host: `http-intake.logs.${datadogSite(cluster)}`,
      tls: 'on',
      compress: 'gzip',
      // Fluent Bit expands ${VAR} from its environment: the key never enters the ConfigMap.
      apikey: '${DD_API_KEY}',
      dd_source: 'kubernetes',
      dd_tags: `kube_cluster_name:${cluster.eks.clusterName},cluster:${cluster.name}`,
      retry_limit: '10',
    },
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
    output: {
      name: 'cloudwatch_logs',
      match: 'kube.*',
      region: cluster.aws.region,
      log_group_name: logGroup,
      log_stream_prefix: `${cluster.name}.`,
      // The group (and its retention) belongs to the cluster's infrastructure code.
      auto_create_group: 'off',
      retry_limit: '10',
    },
    env: [],
    serviceAccountAnnotations: { 'eks.amazonaws.com/role-arn': iamRoleArn(cluster, 'fluent-bit') },
  };
}
