import type { JobSizeClass } from '@platform/config';
import type { Resources } from '../node/node-allocatable';
import { cpuMillis, memoryMiB } from '../quantity/quantity';

/**
 * The requests of one job pod of a size class: the build container, the helper, and the most
 * service containers the class allows (a node must hold the worst job of its class).
 */
export function jobPodRequests(sizeClass: JobSizeClass): Resources {
  const containers = [
    sizeClass.build,
    sizeClass.helper,
    ...Array.from({ length: sizeClass.maxServices }, () => sizeClass.service),
  ];
  return {
    cpuMillis: containers.reduce((sum, c) => sum + cpuMillis(c.cpu), 0),
    memoryMiB: containers.reduce((sum, c) => sum + memoryMiB(c.memory), 0),
  };
}
