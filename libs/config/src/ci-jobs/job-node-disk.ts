/**
 * What a CI node's root volume holds besides its job pods' ephemeral storage (which the size
 * classes state). The capacity planner sizes every CI EC2NodeClass's root volume, and reserves
 * these for the kubelet (`systemReserved.ephemeral-storage`), from the most jobs a node of the
 * class can run; `gitops check` fails when a rendered root volume is smaller.
 */
export const jobNodeDisk = {
  /**
   * Container images a running job keeps on its node, unpacked (its build image, its services',
   * the runner helper's). In use while the job runs, so the kubelet's image GC cannot free them.
   */
  imagesPerJob: '3Gi',
  /** The OS, kubelet and containerd state, and the node agents' logs and buffers. */
  system: '10Gi',
} as const;
