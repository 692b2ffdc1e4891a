import type { ContainerSize, JobSizeClass } from '@platform/config';
import type { Resources } from '../node/node-allocatable';
import { cpuMillis, memoryMiB } from '../quantity/quantity';

/**
 * The requests of one job pod of a size class: the build container, the helper, and the most
 * service containers the class allows (a node must hold the worst job of its class).
 */
export function jobPodRequests(sizeClass: JobSizeClass): Resources {
  const containers = jobContainers(sizeClass);
  return {
    cpuMillis: containers.reduce((sum, c) => sum + cpuMillis(c.cpu), 0),
    memoryMiB: containers.reduce((sum, c) => sum + memoryMiB(c.memory), 0),
  };
}

/** One job pod's ephemeral storage (requests = limits): build, helper and its most services. */
export function jobPodEphemeralStorageMiB(sizeClass: JobSizeClass): number {
  return jobContainers(sizeClass).reduce((sum, c) => sum + memoryMiB(c.ephemeralStorage), 0);
}

function jobContainers(sizeClass: JobSizeClass): ContainerSize[] {
  return [
    sizeClass.build,
    sizeClass.helper,
    ...Array.from({ length: sizeClass.maxServices }, () => sizeClass.service),
  ];
}
