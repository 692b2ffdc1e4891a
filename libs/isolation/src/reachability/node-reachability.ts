import { allCiNodePools } from '@platform/config';
import type { RenderedObject } from '../rendered/rendered-objects';
import { grantsOfServiceAccount, type HeldGrant } from '../rbac/service-account-grants';
import { runnerJobs, type RunnerJobs } from '../runners/runner-jobs';
import { podCredentials, type PodCredentials } from '../workloads/pod-credentials';
import { mayLandOn, placementOfPodSpec } from '../workloads/node-placement';
import { podTemplates, type PodTemplate } from '../workloads/pod-templates';
import { poolNodes, type PoolNodes } from './node-pools';
import { secretKeys } from './secret-keys';

/** A rendered workload whose pods may land on a pool's nodes, with what they bring there. */
export interface LandingWorkload {
  template: PodTemplate;
  credentials: PodCredentials;
  /** What the token's ServiceAccount may do, through the rendered bindings. */
  grants: HeldGrant[];
}

/** Everything that lands on the nodes of one NodePool. */
export interface PoolReach {
  cluster: string;
  pool: PoolNodes;
  /** Job pods of runners whose placement selects this pool. */
  runners: RunnerJobs[];
  /** True when any of those runners' job pods run privileged: root on the node, by design. */
  privileged: boolean;
  workloads: LandingWorkload[];
  /** Keys of every Secret the cluster's objects create (`namespace/name`). */
  secretKeys: Map<string, Set<string> | undefined>;
  /** The other pools of the cluster, for what they share with this one. */
  others: PoolNodes[];
}

/** What lands on the nodes of each NodePool of one cluster's rendered objects. */
export function clusterReach(cluster: string, objects: readonly RenderedObject[]): PoolReach[] {
  const pools = poolNodes(objects);
  const runners = runnerJobs(objects);
  const templates = podTemplates(objects);
  const keys = secretKeys(objects);
  return pools.map((pool) => {
    const landing = runners.filter((runner) => mayLandOn(runner.placement, pool.node));
    return {
      cluster,
      pool,
      runners: landing,
      privileged: landing.some((runner) => runner.privileged),
      workloads: templates
        .filter((template) => mayLandOn(placementOfPodSpec(template.spec), pool.node))
        .map((template) => {
          const credentials = podCredentials(template.spec, template.namespace, objects);
          return {
            template,
            credentials,
            grants: credentials.tokenOf ? grantsOfServiceAccount(credentials.tokenOf, objects) : [],
          };
        }),
      secretKeys: keys,
      others: pools.filter((other) => other !== pool),
    };
  });
}

/** The inventory's isolation mode of a pool, by name (undefined for pools not in libs/config). */
export function configuredIsolation(pool: string) {
  return allCiNodePools.find((p) => p.name === pool)?.jobIsolation;
}
