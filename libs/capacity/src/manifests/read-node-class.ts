import type {
  EvictionThreshold,
  KubeletSettings,
  NodeClassSettings,
} from '../node/node-class-settings';
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
    rootVolume: readRootVolume(r),
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

function readRootVolume(r: ManifestReader): NodeClassSettings['rootVolume'] {
  const mappings = r.arrayAt('spec.blockDeviceMappings');
  const index = mappings.findIndex((m) => isObject(m) && m.rootVolume === true);
  if (index < 0) return undefined;
  const path = `spec.blockDeviceMappings[${index}].ebs.volumeSize`;
  const size = r.quantity(path, r.at('ebs.volumeSize', mappings[index]), memoryMiB);
  return size === undefined ? undefined : { path, sizeMiB: size };
}

function readKubelet(r: ManifestReader): KubeletSettings {
  const path = 'spec.kubelet';
  const kube = r.objectAt(`${path}.kubeReserved`);
  const system = r.objectAt(`${path}.systemReserved`);
  const evictionHard = r.objectAt(`${path}.evictionHard`);
  const threshold = (signal: string): EvictionThreshold | undefined => {
    const value = evictionHard[signal];
    if (value === undefined) return undefined;
    if (typeof value === 'string' && value.endsWith('%'))
      return { share: Number(value.slice(0, -1)) / 100 };
    return { mib: r.quantity(`${path}.evictionHard.${signal}`, value, memoryMiB) ?? 0 };
  };
  return {
    maxPods: r.numberAt(`${path}.maxPods`),
    podsPerCore: r.numberAt(`${path}.podsPerCore`),
    kubeReservedCpuMillis: r.quantity(`${path}.kubeReserved.cpu`, kube.cpu, cpuMillis),
    kubeReservedMemoryMiB: r.quantity(`${path}.kubeReserved.memory`, kube.memory, memoryMiB),
    systemReservedCpuMillis: r.quantity(`${path}.systemReserved.cpu`, system.cpu, cpuMillis),
    systemReservedMemoryMiB: r.quantity(`${path}.systemReserved.memory`, system.memory, memoryMiB),
    evictionHardMemory: threshold('memory.available'),
    kubeReservedEphemeralMiB: r.quantity(
      `${path}.kubeReserved.ephemeral-storage`,
      kube['ephemeral-storage'],
      memoryMiB,
    ),
    systemReservedEphemeralMiB: r.quantity(
      `${path}.systemReserved.ephemeral-storage`,
      system['ephemeral-storage'],
      memoryMiB,
    ),
    evictionHardNodefs: threshold('nodefs.available'),
    evictionHardImagefs: threshold('imagefs.available'),
  };
}
