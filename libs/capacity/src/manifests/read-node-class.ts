import type { KubeletSettings, NodeClassSettings } from '../node/node-class-settings';
import { cpuMillis, memoryMiB } from '../quantity/quantity';
import { isObject, ManifestReader, type JsonObject } from './manifest-reader';

/** A karpenter.k8s.aws/v1 EC2NodeClass, as the planner needs it. */
export function readNodeClass(file: string, object: JsonObject): NodeClassSettings {
  const r = new ManifestReader(file, object);
  const alias = r
    .arrayAt('spec.amiSelectorTerms')
    .map((term) => (isObject(term) ? term.alias : undefined))
    .find((value): value is string => typeof value === 'string');
  const amiFamily = (
    alias?.split('@')[0] ??
    r.stringAt('spec.amiFamily') ??
    'custom'
  ).toLowerCase();
  return {
    name: r.name,
    file,
    amiFamily,
    kubelet: readKubelet(r),
    subnetSelectorTerms: r.arrayAt('spec.subnetSelectorTerms').map((term, i) => {
      const path = `spec.subnetSelectorTerms[${i}]`;
      if (!isObject(term)) return r.fail(path, 'expected an object');
      const tags = r.objectAt('tags', term);
      return {
        tags: Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, String(v)])),
        id: r.stringAt('id', term),
      };
    }),
  };
}

function readKubelet(r: ManifestReader): KubeletSettings {
  const path = 'spec.kubelet';
  const kube = r.objectAt(`${path}.kubeReserved`);
  const system = r.objectAt(`${path}.systemReserved`);
  const eviction = r.objectAt(`${path}.evictionHard`)['memory.available'];
  return {
    maxPods: r.numberAt(`${path}.maxPods`),
    podsPerCore: r.numberAt(`${path}.podsPerCore`),
    kubeReservedCpuMillis: r.quantity(`${path}.kubeReserved.cpu`, kube.cpu, cpuMillis),
    kubeReservedMemoryMiB: r.quantity(`${path}.kubeReserved.memory`, kube.memory, memoryMiB),
    systemReservedCpuMillis: r.quantity(`${path}.systemReserved.cpu`, system.cpu, cpuMillis),
    systemReservedMemoryMiB: r.quantity(`${path}.systemReserved.memory`, system.memory, memoryMiB),
    evictionHardMemory:
      typeof eviction === 'string' && eviction.endsWith('%')
        ? { share: Number(eviction.slice(0, -1)) / 100 }
        : eviction === undefined
          ? undefined
          : { mib: r.quantity(`${path}.evictionHard.memory.available`, eviction, memoryMiB) ?? 0 },
  };
}
