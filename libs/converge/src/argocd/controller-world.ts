import type { ResourceHealth } from '../health/health-status';
import type { ConvergeCluster, PodIdentityAssociation } from '../input/converge-input';
import type { RenderedObject } from '../input/rendered-objects';
import type { ClusterModel } from '../world/cluster-model';
import type { ApplicationRuntime } from './application-runtime';

/** What the simulation assumes resolved after reporting it, so later blocks can be found too. */
export interface Forcing {
  /** Applications whose project, destination and registration problems are ignored. */
  applications: Set<string>;
  /** AppProjects assumed to exist and to permit everything. */
  projects: Set<string>;
  /** Clusters Argo CD is assumed to have credentials for. */
  credentials: Set<string>;
  /** `<cluster>:<group>/<Kind>/<namespace>/<name>` objects assumed applied and healthy. */
  objects: Set<string>;
}

/** Everything the application controller model reads and writes. */
export interface ControllerWorld {
  step: number;
  argocdNamespace: string;
  management: ClusterModel;
  clusters: ReadonlyMap<string, ClusterModel>;
  clusterSpecs: readonly ConvergeCluster[];
  podIdentityAssociations: readonly PodIdentityAssociation[];
  health: ResourceHealth;
  forcing: Forcing;
  applications: Map<string, ApplicationRuntime>;
  objectsByDirectory: ReadonlyMap<string, RenderedObject[]>;
}

export const forcedObjectKey = (
  cluster: string,
  group: string,
  kind: string,
  namespace: string,
  name: string,
): string => `${cluster}:${group}/${kind}/${namespace}/${name}`;
