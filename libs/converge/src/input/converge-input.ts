import type { RuntimeSecret } from '../world/pod-prerequisites';

/** A file of rendered/ (repository-relative path, text). */
export interface RenderedFile {
  path: string;
  content: string;
}

/** One `kubectl apply` of the README's bootstrap, as data. */
export interface BootstrapStep {
  /** The command as written. */
  command: string;
  /** `-f` arguments in order: files, or directories (applied in file-name order). */
  paths: string[];
  serverSide: boolean;
}

/** An IAM role Argo CD assumes for a workload cluster, and the principals it trusts. */
export interface DeployerRole {
  arn: string;
  /** Role ARNs allowed to assume it (from the infrastructure prerequisites in the inventory). */
  trustedPrincipals: readonly string[];
}

/** A cluster as Argo CD addresses it and as it is before anything is applied. */
export interface ConvergeCluster {
  /** The folder under rendered/. */
  name: string;
  role: 'management' | 'workload';
  /** `destination.name` of the Applications that deploy to it. */
  destinationName: string;
  /** Namespaces an empty EKS cluster has (besides `default`). */
  providedNamespaces: readonly string[];
  /** For a workload cluster: the role its registration's awsAuthConfig names, and who may assume it. */
  deployerRole?: DeployerRole;
}

/** An EKS Pod Identity association declared in the inventory (no annotation needed then). */
export interface PodIdentityAssociation {
  namespace: string;
  serviceAccount: string;
  roleArn: string;
}

/** Everything `converge` reads: rendered/, the bootstrap steps, the inventory's facts. */
export interface ConvergeInput {
  files: readonly RenderedFile[];
  bootstrap: readonly BootstrapStep[];
  clusters: readonly ConvergeCluster[];
  /** Argo CD's namespace on the management cluster. */
  argocdNamespace: string;
  /** The Lua health scripts Argo CD ships, by `group/Kind` (vendored). */
  builtInHealthScripts: ReadonlyMap<string, string>;
  /** Secrets pods create at run time, which no file holds. */
  runtimeSecrets?: readonly RuntimeSecret[];
  podIdentityAssociations?: readonly PodIdentityAssociation[];
  /** Stop after this many blocks (each later one found by assuming the earlier ones resolved). */
  maxBlocks?: number;
}
