import { stringify } from 'yaml';
import { nodeAddressVariable } from './kubelet-metadata-access';
import type { PluginProperties } from './log-output';

/** Where Fluent Bit keeps its read offsets on the node, so a restart neither loses nor repeats lines. */
export const fluentBitStatePath = '/var/lib/fluent-bit';

/** The file in the chart's ConfigMap (`config.extraFiles`) that Fluent Bit is started with. */
export const yamlConfigFile = 'fluent-bit.yaml';

/** Where the chart mounts its ConfigMap in the container. */
const configDirectory = '/fluent-bit/etc/conf';

/**
 * The container arguments: the chart's working directory, and the YAML configuration instead of
 * the chart's classic `fluent-bit.conf` (the classic format is deprecated at the end of 2026;
 * chart 0.58.1 renders only that one from `config.*`, so the YAML file rides in `extraFiles`).
 */
export const fluentBitArgs = [
  '--workdir=/fluent-bit/etc',
  `--config=${configDirectory}/${yamlConfigFile}`,
];

/**
 * Fluent Bit's configuration in the YAML format (Fluent Bit 5.1.1): tail every container log on
 * the node, add Kubernetes metadata from the node's kubelet, ship to the cluster's log output.
 */
export function fluentBitYamlConfig(output: PluginProperties): string {
  return stringify({
    service: {
      flush: 1,
      log_level: 'info',
      parsers_file: '/fluent-bit/etc/parsers.conf',
      http_server: 'on',
      http_listen: '0.0.0.0',
      http_port: 2020,
      health_check: 'on',
    },
    pipeline: {
      inputs: [
        {
          name: 'tail',
          path: '/var/log/containers/*.log',
          'multiline.parser': 'docker, cri',
          tag: 'kube.*',
          db: `${fluentBitStatePath}/tail-containers.db`,
          mem_buf_limit: '16MB',
          skip_long_lines: 'on',
          refresh_interval: 10,
        },
      ],
      filters: [kubernetesFilter()],
      outputs: [output],
    },
  });
}

function kubernetesFilter(): PluginProperties {
  return {
    name: 'kubernetes',
    match: 'kube.*',
    merge_log: 'on',
    keep_log: 'off',
    'k8s-logging.parser': 'on',
    'k8s-logging.exclude': 'on',
    // Annotations are large and rarely useful in a log line.
    annotations: 'off',
    // Pod metadata from this node's kubelet (GET /pods), not from the API server: at 1,000+ job
    // pods a watch per node would load the API server, and the token would have to read every
    // pod of the cluster. The address is the node's own, so nothing leaves the node.
    use_kubelet: 'on',
    kubelet_host: `\${${nodeAddressVariable}}`,
    kubelet_port: '10250',
    // EKS kubelet serving certificates are not signed by the CA the pods trust.
    'tls.verify': 'off',
    // The kubelet answers with every pod of the node, and GitLab Runner 18.9 puts every CI/CD
    // variable into each job container's env: the default 32k drops the metadata of busy nodes
    // (Fluent Bit discards a response larger than the buffer). 0: grow as needed.
    buffer_size: '0',
  };
}
