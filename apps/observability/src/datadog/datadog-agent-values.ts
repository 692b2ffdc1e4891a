import type { DatadogValues } from '@platform/charts';
import type { ClusterSpec } from '@platform/config';
import type { ComponentContext } from '@platform/core';
import {
  nodeAgentPriorityClass,
  nodeAgentTolerationsFor,
} from '../node-agents/node-agent-scheduling';
import { datadogSecrets } from './datadog-secrets';
import {
  clusterCheckFiles,
  customResourceSources,
  nodeCheckFiles,
  scrapedSources,
} from './metric-scrapes';

/** Requests sized from the agents' documented footprint; memory limit = 2x request, no CPU limit. */
const resources = {
  agent: { requests: { cpu: '200m', memory: '256Mi' }, limits: { memory: '512Mi' } },
  agentInit: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '128Mi' } },
  clusterAgent: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
  operator: { requests: { cpu: '50m', memory: '128Mi' }, limits: { memory: '256Mi' } },
} as const;

export function datadogSite(cluster: ClusterSpec) {
  if (!cluster.observability)
    throw new Error(
      `cluster ${cluster.name} has no observability entry (libs/config/src/clusters/${cluster.name}.ts: observability.datadogSite)`,
    );
  return cluster.observability.datadogSite;
}

/**
 * Values of the datadog chart for one cluster: node agents everywhere, the cluster agent (cluster
 * checks, kube-state-metrics core) and the operator that reconciles DatadogMonitors. Everything
 * that would change rendered/ on its own (a random cluster-agent token, the telemetry install id
 * and time) or configure the agents outside Git (remote configuration) is off.
 */
export function datadogAgentValues(context: ComponentContext): DatadogValues {
  const { cluster } = context;
  const site = datadogSite(cluster);
  const sources = scrapedSources(context);
  const customResources = customResourceSources(context);
  const clusterName = cluster.eks.clusterName;
  return {
    datadog: {
      // Two Secrets: the node agents (on every node, privileged CI nodes included) reference only
      // the API key's, so the kubelet of a node never fetches the application key.
      apiKeyExistingSecret: datadogSecrets.apiKey,
      appKeyExistingSecret: datadogSecrets.appKey,
      clusterName,
      site,
      // Host PID only serves DogStatsD origin detection over UDS, which nothing here uses.
      useHostPID: false,
      // EKS kubelet serving certificates are not signed by the cluster CA the pods trust.
      // The agent reads its kubelet through the fine-grained subresources (Kubernetes 1.33 turns
      // KubeletFineGrainedAuthz on by default) instead of `nodes/proxy`, which would let any node
      // holding its token exec into any pod of the cluster through the kubelets.
      kubelet: { tlsVerify: false, fineGrainedAuthorization: true },
      // Secret metrics would need a cluster-wide list/watch on Secrets; nothing alerts on them.
      kubeStateMetricsCore: {
        enabled: true,
        collectSecretMetrics: false,
        ...(customResources.length > 0
          ? { collectCrMetrics: customResources.map((source) => source.config) }
          : {}),
      },
      clusterChecks: { enabled: true },
      collectEvents: true,
      // Container logs are Fluent Bit's job; two shippers would double the bill.
      logs: { enabled: false },
      apm: {
        socketEnabled: false,
        portEnabled: false,
        instrumentation: { enabled: false, skipKPITelemetry: true },
      },
      processAgent: { enabled: false },
      orchestratorExplorer: { enabled: false },
      networkMonitoring: { enabled: false },
      // Each of these runs system-probe, a privileged container with kernel access.
      discovery: { enabled: false },
      remoteConfiguration: { enabled: false },
      confd: nodeCheckFiles(sources),
      operator: { enabled: true },
    },
    clusterAgent: {
      enabled: true,
      replicas: 2,
      tokenExistingSecret: datadogSecrets.clusterAgentToken,
      resources: resources.clusterAgent,
      containers: { initContainers: { resources: resources.agentInit } },
      advancedConfd: clusterCheckFiles(sources),
      pdb: { create: true, minAvailable: 1 },
      // Its mutating webhook (APM library injection) is unused here, and a webhook that fails
      // closed would stop CI job pods from being created.
      admissionController: { enabled: false },
    },
    agents: {
      tolerations: nodeAgentTolerationsFor(cluster),
      priorityClassName: nodeAgentPriorityClass,
      containers: {
        agent: { resources: resources.agent },
        initContainers: { resources: resources.agentInit },
      },
    },
    clusterChecksRunner: { enabled: false },
    // Remote configuration would let the Datadog UI change agents behind Git's back.
    remoteConfiguration: { enabled: false },
    operator: {
      apiKeyExistingSecret: datadogSecrets.apiKey,
      appKeyExistingSecret: datadogSecrets.appKey,
      // The operator manages no agents here (datadogAgent off), so it never calls a kubelet:
      // its ClusterRole needs no `nodes/proxy`.
      clusterRole: { kubeletFineGrainedAuthorization: true },
      site,
      clusterName,
      resources: resources.operator,
      // Only monitors are managed as resources; the agents come from this chart, not a DatadogAgent.
      datadogAgent: { enabled: false },
      datadogAgentInternal: { enabled: false },
      datadogMonitor: { enabled: true },
      datadogCRDs: {
        crds: {
          datadogAgents: false,
          datadogMonitors: true,
          datadogSLOs: false,
          datadogDashboards: false,
          datadogGenericResources: false,
          datadogAgentInternals: false,
          datadogCSIDrivers: false,
        },
      },
    },
  };
}
