import {
  clusterDnsAddress,
  jobEgressExceptions,
  type ClusterSpec,
  type ContainerSize,
} from '@platform/config';
import type { PlatformChart } from '@platform/core';
import * as kplus from 'cdk8s-plus-27';
import type { ILimitRange } from 'kubernetes-models/v1/LimitRange';
import type { IResourceQuota } from 'kubernetes-models/v1/ResourceQuota';
import type { RunnerDefinition } from './runner-definition';
import { defaultSize, jobNamespaceQuota, largestSize } from './runner-capacity';
import { jobServiceAccountName } from './runner-names';
import { memoryBytes } from './quantity';

/**
 * Everything in a runner's job namespace besides the chart's Role: the job ServiceAccount (no
 * token), the quota and limit range sized from the size classes and the peak, and the network
 * policies (deny by default; DNS; the internet except the metadata endpoint and the VPC).
 */
export function addJobNamespaceResources(
  chart: PlatformChart,
  runner: RunnerDefinition,
  cluster: ClusterSpec,
): void {
  const namespace = runner.jobNamespace;
  new kplus.ServiceAccount(chart, `job-service-account-${namespace}`, {
    metadata: { name: jobServiceAccountName, namespace },
    automountToken: false,
  });
  chart.add<IResourceQuota>({
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: 'ci-jobs-peak', namespace },
    spec: { hard: jobNamespaceQuota(runner) },
  });
  chart.add<ILimitRange>(jobLimitRange(namespace));
  addJobNetworkPolicies(chart, namespace, cluster);
}

/**
 * Defaults for a container that names no resources (the default size class's build container),
 * and the largest memory and ephemeral storage any container of any size class may have. No CPU
 * limit: job CPU is requested, never throttled. A container's ephemeral-storage limit must equal
 * its request (a job that overwrites only one of them is refused), so the scheduler never puts
 * more storage limits on a node than its root volume holds.
 */
function jobLimitRange(namespace: string): ILimitRange {
  const largest = largestSize();
  const kinds = [largest.build, largest.service, largest.helper];
  const most = (value: (size: ContainerSize) => string) =>
    kinds.map(value).reduce((a, b) => (memoryBytes(b) > memoryBytes(a) ? b : a));
  const defaults = {
    memory: defaultSize.build.memory,
    'ephemeral-storage': defaultSize.build.ephemeralStorage,
  };
  return {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: 'ci-job-containers', namespace },
    spec: {
      limits: [
        {
          type: 'Container',
          defaultRequest: { cpu: defaultSize.build.cpu, ...defaults },
          default: defaults,
          max: {
            memory: most((size) => size.memory),
            'ephemeral-storage': most((size) => size.ephemeralStorage),
          },
          maxLimitRequestRatio: { 'ephemeral-storage': '1' },
        },
      ],
    },
  };
}

function addJobNetworkPolicies(chart: PlatformChart, namespace: string, cluster: ClusterSpec) {
  const id = (name: string) => `${name}-${namespace}`;
  const allPods = kplus.Pods.all(chart, id('all-job-pods'));
  // Deny everything in and out; the policies below open only what jobs need.
  new kplus.NetworkPolicy(chart, id('deny-all'), {
    metadata: { name: 'deny-all', namespace },
    selector: allPods,
    ingress: { default: kplus.NetworkPolicyTrafficDefault.DENY },
    egress: { default: kplus.NetworkPolicyTrafficDefault.DENY },
  });
  const clusterDns = kplus.Pods.select(chart, id('cluster-dns'), {
    labels: { 'k8s-app': 'kube-dns' },
    namespaces: kplus.Namespaces.select(chart, id('kube-system'), { names: ['kube-system'] }),
  });
  // The DNS Service's ClusterIP as well as its pods: the Service CIDR is excepted from the
  // internet rule, and the AWS network policy agent matches a ClusterIP before DNAT.
  const clusterDnsService = kplus.NetworkPolicyIpBlock.ipv4(
    chart,
    id('cluster-dns-service'),
    `${clusterDnsAddress(cluster)}/32`,
  );
  const dnsPorts = [kplus.NetworkPolicyPort.udp(53), kplus.NetworkPolicyPort.tcp(53)];
  new kplus.NetworkPolicy(chart, id('allow-dns'), {
    metadata: { name: 'allow-dns', namespace },
    selector: allPods,
    egress: {
      rules: [
        { peer: clusterDns, ports: dnsPorts },
        { peer: clusterDnsService, ports: dnsPorts },
      ],
    },
  });
  // The internet only: never the VPC (every pod and node, the API server's private endpoints),
  // the Service CIDR (ClusterIPs), another private network (the management cluster) or a
  // link-local address (instance metadata, EKS Pod Identity): libs/config egress-ranges.ts.
  const internet = kplus.NetworkPolicyIpBlock.ipv4(
    chart,
    id('internet'),
    '0.0.0.0/0',
    jobEgressExceptions(cluster),
  );
  new kplus.NetworkPolicy(chart, id('allow-internet'), {
    metadata: { name: 'allow-internet', namespace },
    selector: allPods,
    egress: { rules: [{ peer: internet }] },
  });
}
