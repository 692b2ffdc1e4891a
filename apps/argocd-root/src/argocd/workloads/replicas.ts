import { ArgocdInstallError, objectKey, type InstallObject } from '../install/install-object';
import { isWorkload, workloadSpec } from './pod-template';

/** Replicas of one workload, and why. */
export interface ReplicaChoice {
  replicas: number;
  /** An env var of the workload's main container that must state the same count. */
  countEnv?: { container: string; name: string };
  reason: string;
}

/**
 * Replicas of every workload of the install. The HA install already runs redis and its proxy in
 * threes and the server and repo-server in twos (one per availability zone is enough for the
 * stateless ones, the pod anti-affinity rules spread them); these choices restate that, and keep the
 * counts that components read from their own environment in step.
 */
export const replicaChoices: Readonly<Record<string, ReplicaChoice>> = {
  'StatefulSet/argocd-application-controller': {
    replicas: 1,
    countEnv: { container: 'argocd-application-controller', name: 'ARGOCD_CONTROLLER_REPLICAS' },
    reason:
      'Replicas split the clusters between them (each cluster has one owning shard) rather than stand in for each other; with two clusters one controller is enough, and the StatefulSet restarts it.',
  },
  'Deployment/argocd-server': {
    replicas: 2,
    countEnv: { container: 'argocd-server', name: 'ARGOCD_API_SERVER_REPLICAS' },
    reason: 'Stateless; two keep the UI and API up through a node drain.',
  },
  'Deployment/argocd-repo-server': {
    replicas: 2,
    reason: 'Stateless; two keep manifest generation up through a node drain.',
  },
  'Deployment/argocd-redis-ha-haproxy': {
    replicas: 3,
    reason: 'One proxy per node of the redis quorum, as the HA install ships it.',
  },
  'StatefulSet/argocd-redis-ha-server': {
    replicas: 3,
    reason: 'Sentinel needs three members for a quorum of two.',
  },
  'Deployment/argocd-applicationset-controller': {
    replicas: 1,
    reason:
      'This platform renders no ApplicationSets; one replica is enough for a controller with nothing to reconcile.',
  },
  'Deployment/argocd-dex-server': {
    replicas: 1,
    reason: 'Holds login state in memory; SSO logins retry if it restarts.',
  },
  'Deployment/argocd-notifications-controller': {
    replicas: 1,
    reason: 'Single writer of notification state; a second replica would send duplicates.',
  },
};

/** Sets replicas (and the count env that must agree with it) on every workload of the install. */
export function applyReplicas(
  install: InstallObject[],
  choices: typeof replicaChoices = replicaChoices,
): void {
  for (const workload of install.filter(isWorkload)) {
    const key = objectKey(workload);
    const choice = choices[key];
    if (!choice) {
      throw new ArgocdInstallError(key, 'has no replica count in workloads/replicas.ts');
    }
    const spec = workloadSpec(workload);
    spec.replicas = choice.replicas;
    if (choice.countEnv) setCountEnv(workload, choice.countEnv, choice.replicas);
  }
}

function setCountEnv(
  workload: InstallObject,
  env: NonNullable<ReplicaChoice['countEnv']>,
  replicas: number,
): void {
  const key = objectKey(workload);
  const container = workloadSpec(workload).template.spec.containers.find(
    (c) => c.name === env.container,
  );
  const variable = container?.env?.find((e) => e.name === env.name);
  if (!variable) {
    throw new ArgocdInstallError(key, `container ${env.container} has no env ${env.name}`);
  }
  variable.value = String(replicas);
}
