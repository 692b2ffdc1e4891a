import type { RunnerManagerLoad } from '../plan/runner-manager-load';
import type { DaemonSetLoad } from '../workload/daemon-set-load';
import { ManifestReader, type JsonObject } from './manifest-reader';
import { podPlacement, podRequests, usesHostNetwork } from './read-pod-template';

export function readDaemonSet(file: string, object: JsonObject): DaemonSetLoad {
  const r = new ManifestReader(file, object);
  return {
    name: r.resource.slice('DaemonSet/'.length),
    source: file,
    hostNetwork: usesHostNetwork(r),
    requests: podRequests(r),
    placement: podPlacement(r),
  };
}

/** `concurrent = N` at the top of a GitLab Runner config.toml. */
export function runnerConcurrent(configToml: string): number | undefined {
  const match = /^\s*concurrent\s*=\s*(\d+)\s*$/m.exec(configToml);
  return match ? Number(match[1]) : undefined;
}

/** A runner manager Deployment, with the `concurrent` of the ConfigMap beside it. */
export function readRunnerManager(
  file: string,
  object: JsonObject,
  configToml: string | undefined,
): RunnerManagerLoad {
  const r = new ManifestReader(file, object);
  return {
    name: r.resource.slice('Deployment/'.length),
    source: file,
    replicas: r.numberAt('spec.replicas') ?? 1,
    requests: podRequests(r),
    hostNetwork: usesHostNetwork(r),
    concurrent: configToml === undefined ? undefined : runnerConcurrent(configToml),
  };
}
