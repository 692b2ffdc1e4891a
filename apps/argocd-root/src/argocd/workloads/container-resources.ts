import { ArgocdInstallError, objectKey, type InstallObject } from '../install/install-object';
import { allContainers, isWorkload } from './pod-template';

/** CPU and memory request of one container; the memory limit equals the memory request. */
export interface ContainerSize {
  cpu: string;
  memory: string;
}

/**
 * Requests for every container and init container of the 3.5.1 HA install, keyed by
 * `Kind/name` then container name. Sized for one management Argo CD syncing two clusters and a few
 * dozen Applications from plain directories (no Helm or Kustomize runs in the repo-server). The
 * memory limit equals the request so a busy node evicts these pods last among Burstable pods;
 * no CPU limit, so a resync burst is throttled by the node, not by a quota.
 */
export const containerSizes: Readonly<Record<string, Readonly<Record<string, ContainerSize>>>> = {
  // Caches every object of every managed cluster, the CI cluster's job pods included.
  'StatefulSet/argocd-application-controller': {
    'argocd-application-controller': { cpu: '500m', memory: '2Gi' },
  },
  'Deployment/argocd-repo-server': {
    copyutil: { cpu: '10m', memory: '64Mi' },
    'argocd-repo-server': { cpu: '250m', memory: '512Mi' },
  },
  'Deployment/argocd-server': { 'argocd-server': { cpu: '100m', memory: '256Mi' } },
  'Deployment/argocd-applicationset-controller': {
    'argocd-applicationset-controller': { cpu: '50m', memory: '128Mi' },
  },
  'Deployment/argocd-notifications-controller': {
    'argocd-notifications-controller': { cpu: '50m', memory: '128Mi' },
  },
  'Deployment/argocd-dex-server': {
    copyutil: { cpu: '10m', memory: '64Mi' },
    dex: { cpu: '50m', memory: '128Mi' },
  },
  'Deployment/argocd-redis-ha-haproxy': {
    'secret-init': { cpu: '10m', memory: '64Mi' },
    'config-init': { cpu: '10m', memory: '32Mi' },
    haproxy: { cpu: '50m', memory: '128Mi' },
  },
  'StatefulSet/argocd-redis-ha-server': {
    'config-init': { cpu: '10m', memory: '32Mi' },
    redis: { cpu: '100m', memory: '512Mi' },
    sentinel: { cpu: '20m', memory: '64Mi' },
    'split-brain-fix': { cpu: '10m', memory: '64Mi' },
  },
};

/**
 * Sets requests and a memory limit on every container. A container missing from the table, or an
 * entry for a container the install no longer has, is an error naming it: an upstream bump must
 * come with a sizing decision.
 */
export function applyContainerSizes(
  install: InstallObject[],
  sizes: typeof containerSizes = containerSizes,
): void {
  const seen = new Set<string>();
  for (const workload of install.filter(isWorkload)) {
    const key = objectKey(workload);
    for (const container of allContainers(workload)) {
      const size = sizes[key]?.[container.name];
      if (!size) {
        throw new ArgocdInstallError(
          `${key} container ${container.name}`,
          'has no size in workloads/container-resources.ts',
        );
      }
      container.resources = {
        ...container.resources,
        requests: { cpu: size.cpu, memory: size.memory },
        limits: { memory: size.memory },
      };
      seen.add(`${key} container ${container.name}`);
    }
  }
  for (const [key, containers] of Object.entries(sizes)) {
    for (const name of Object.keys(containers)) {
      if (!seen.has(`${key} container ${name}`)) {
        throw new ArgocdInstallError(
          `${key} container ${name}`,
          'is sized in workloads/container-resources.ts but not in the install',
        );
      }
    }
  }
}
