import { groupOf, kindOf, nameOf, type KubeObject } from '../kube/kube-object';
import type { HealthStatus } from './health-status';

// The built-in health checks of gitops-engine pkg/health (Argo CD 3.5.1) for the kinds this
// platform renders or could: health.go, GetHealthCheckFunc. Objects are read as Go reads the
// typed struct: a missing number is 0, a missing pointer is nil.

type Check = (object: KubeObject) => HealthStatus;

const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

/** health_deployment.go, getAppsv1DeploymentHealth. */
function deploymentHealth(object: KubeObject): HealthStatus {
  const spec = object.spec ?? {};
  const status = object.status ?? {};
  if (spec.paused) return { status: 'Suspended', message: 'Deployment is paused' };
  if (num(object.metadata?.generation) > num(status.observedGeneration)) {
    return {
      status: 'Progressing',
      message:
        'Waiting for rollout to finish: observed deployment generation less than desired generation',
    };
  }
  const progressing = (status.conditions ?? []).find((c: any) => c.type === 'Progressing');
  const updated = num(status.updatedReplicas);
  if (progressing?.reason === 'ProgressDeadlineExceeded')
    return {
      status: 'Degraded',
      message: `Deployment "${nameOf(object)}" exceeded its progress deadline`,
    };
  if (typeof spec.replicas === 'number' && updated < spec.replicas)
    return {
      status: 'Progressing',
      message: `Waiting for rollout to finish: ${updated} out of ${spec.replicas} new replicas have been updated...`,
    };
  if (num(status.replicas) > updated)
    return {
      status: 'Progressing',
      message: `Waiting for rollout to finish: ${num(status.replicas) - updated} old replicas are pending termination...`,
    };
  if (num(status.availableReplicas) < updated)
    return {
      status: 'Progressing',
      message: `Waiting for rollout to finish: ${num(status.availableReplicas)} of ${updated} updated replicas are available...`,
    };
  return { status: 'Healthy' };
}

/** health_statefulset.go, getAppsv1StatefulSetHealth. */
function statefulSetHealth(object: KubeObject): HealthStatus {
  const spec = object.spec ?? {};
  const status = object.status ?? {};
  const observed = num(status.observedGeneration);
  if (observed === 0 || num(object.metadata?.generation) > observed)
    return {
      status: 'Progressing',
      message: 'Waiting for statefulset spec update to be observed...',
    };
  const ready = num(status.readyReplicas);
  if (typeof spec.replicas === 'number' && ready < spec.replicas)
    return {
      status: 'Progressing',
      message: `Waiting for ${spec.replicas - ready} pods to be ready...`,
    };
  const strategy = spec.updateStrategy ?? {};
  const updated = num(status.updatedReplicas);
  if (strategy.type === 'RollingUpdate' && strategy.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (
      typeof spec.replicas === 'number' &&
      typeof partition === 'number' &&
      updated < spec.replicas - partition
    )
      return {
        status: 'Progressing',
        message: `Waiting for partitioned roll out to finish: ${updated} out of ${spec.replicas - partition} new pods have been updated...`,
      };
    return {
      status: 'Healthy',
      message: `partitioned roll out complete: ${updated} new pods have been updated...`,
    };
  }
  if (strategy.type === 'OnDelete')
    return { status: 'Healthy', message: `statefulset has ${ready} ready pods` };
  if (status.updateRevision !== status.currentRevision)
    return {
      status: 'Progressing',
      message: `waiting for statefulset rolling update to complete ${updated} pods at revision ${status.updateRevision ?? ''}...`,
    };
  return {
    status: 'Healthy',
    message: `statefulset rolling update complete ${num(status.currentReplicas)} pods at revision ${status.currentRevision ?? ''}...`,
  };
}

/** health_daemonset.go, getAppsv1DaemonSetHealth. */
function daemonSetHealth(object: KubeObject): HealthStatus {
  const status = object.status ?? {};
  if (num(object.metadata?.generation) > num(status.observedGeneration))
    return {
      status: 'Progressing',
      message:
        'Waiting for rollout to finish: observed daemon set generation less than desired generation',
    };
  const updated = num(status.updatedNumberScheduled);
  const desired = num(status.desiredNumberScheduled);
  if (object.spec?.updateStrategy?.type === 'OnDelete')
    return {
      status: 'Healthy',
      message: `daemon set ${updated} out of ${desired} new pods have been updated`,
    };
  if (updated < desired)
    return {
      status: 'Progressing',
      message: `Waiting for daemon set "${nameOf(object)}" rollout to finish: ${updated} out of ${desired} new pods have been updated...`,
    };
  if (num(status.numberAvailable) < desired)
    return {
      status: 'Progressing',
      message: `Waiting for daemon set "${nameOf(object)}" rollout to finish: ${num(status.numberAvailable)} of ${desired} updated pods are available...`,
    };
  return { status: 'Healthy' };
}

/** health_service.go, getCorev1ServiceHealth: a LoadBalancer waits for an ingress address. */
function serviceHealth(object: KubeObject): HealthStatus {
  if (object.spec?.type !== 'LoadBalancer') return { status: 'Healthy' };
  const ingress = object.status?.loadBalancer?.ingress ?? [];
  return { status: ingress.length > 0 ? 'Healthy' : 'Progressing' };
}

/** health_apiservice.go: the Available condition. */
function apiServiceHealth(object: KubeObject): HealthStatus {
  const available = (object.status?.conditions ?? []).find((c: any) => c.type === 'Available');
  if (!available) return { status: 'Progressing', message: 'Waiting to be processed' };
  return {
    status: available.status === 'True' ? 'Healthy' : 'Progressing',
    message: `${available.reason ?? ''}: ${available.message ?? ''}`,
  };
}

const checks: Record<string, Check> = {
  'apps/Deployment': deploymentHealth,
  'apps/StatefulSet': statefulSetHealth,
  'apps/DaemonSet': daemonSetHealth,
  '/Service': serviceHealth,
  'apiregistration.k8s.io/APIService': apiServiceHealth,
};

/**
 * health.go, GetHealthCheckFunc, for the kinds above; undefined for a kind without a built-in
 * check (ConfigMap, CRD, Application: Argo CD has no health for them unless Lua gives one).
 */
export function builtInHealth(object: KubeObject): HealthStatus | undefined {
  return checks[`${groupOf(object.apiVersion)}/${kindOf(object)}`]?.(object);
}
