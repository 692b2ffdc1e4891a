/**
 * What the capacity planner (`gitops capacity`, part of `gitops check`) holds the CI node pools
 * to. A change here reruns the check like a change to a size class or the peak.
 */
export const capacityTargets = {
  /**
   * Highest share of a node's allocatable CPU or memory that jobs of the main size class (the
   * largest share of the peak) may leave unused on the type the planner chooses for a pool.
   */
  maxMainClassWaste: 0.25,
} as const;
