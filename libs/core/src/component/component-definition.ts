import type { ChartPin } from '@platform/charts';
import type { ClusterSpec, Inventory } from '@platform/config';
import type { PlatformChart } from '../chart/platform-chart';

/**
 * One component = one folder `apps/<app>/src/<component>/` whose `component.ts` default-exports
 * `defineComponent({...})`. The folder name is the component's name; everything else about it is
 * declared here. The CLI assembles the catalog from these files.
 */

/** Every cluster, or every cluster of a role. */
export type ClusterRoleSelector = 'all' | 'management' | 'workload';

/**
 * Which clusters a component runs on: every cluster of a role, clusters by name, or the clusters
 * of a role whose inventory entry meets a prerequisite (`{ role: 'workload', when: (cluster) =>
 * … }`). Only the last may select no cluster: until some cluster meets it, the component is
 * deployed nowhere.
 */
export type ClusterSelector =
  | ClusterRoleSelector
  | readonly string[]
  | { role: ClusterRoleSelector; when: (cluster: ClusterSpec) => boolean };

export interface GroupKind {
  /** API group; `''` for the core group. */
  group: string;
  kind: string;
}

/** A policy rule waived for one rendered object, with the reason; rendered as its exemption annotation. */
export interface PolicyExemption {
  rule: string;
  kind: string;
  name: string;
  /** Omit for cluster-scoped objects. */
  namespace?: string;
  reason: string;
}

/**
 * A field that something in the cluster owns after the first sync (a CronJob that scales an
 * object over the day): Argo CD ignores it in the diff, so self-heal leaves it alone, and keeps
 * its live value when it syncs the object (`RespectIgnoreDifferences=true`, which the component's
 * Application then sets). Only on creation does Argo CD apply the rendered value.
 */
export interface IgnoredDifference {
  /** API group; `''` for the core group. */
  group: string;
  kind: string;
  name?: string;
  namespace?: string;
  /** RFC 6901 pointers, e.g. `/spec/replicas`. */
  jsonPointers: readonly string[];
  /** Who owns the field instead, and why. */
  reason: string;
}

/** A chart inflated with the pinned Helm over its vendored package. */
export interface ChartSource<Values> {
  pin: ChartPin<Values>;
  /** Defaults to the component name. */
  releaseName?: string;
  /** Render the chart's `crds/` too (components that own their CRDs). */
  includeCrds?: boolean;
  /** Custom APIs (`group/version`) the chart may detect with `.Capabilities.APIVersions`. */
  apiVersions?: readonly string[];
  /** Typed by the pin: a misspelt key fails to compile, and `gitops validate` checks it again. */
  values: (context: ComponentContext) => Values;
}

/**
 * `chart: fromChart(karpenterChart)({ values: (ctx) => ({...}) })`. Curried so TypeScript takes
 * the values type from the pin alone and checks the values literal against it (a single generic
 * call would infer the type from the literal too and widen its strings).
 */
export function fromChart<Values>(pin: ChartPin<Values>) {
  return (source: Omit<ChartSource<Values>, 'pin'>): ChartSource<Values> => ({ pin, ...source });
}

export interface ComponentDefinition<Values = unknown> {
  description: string;
  clusters: ClusterSelector;
  /** Destination namespace; the namespace of the component's namespaced objects. */
  namespace: string;
  /** Other namespaces it writes to (a chart may create objects outside its release namespace). */
  additionalNamespaces?: readonly string[];
  /** ArgoCD sync wave of its Application (lower syncs first). */
  syncWave: number;
  /** Large CRDs exceed the client-side apply annotation limit. */
  serverSideApply?: boolean;
  /** Synced by the root Application itself (the app-of-apps). Exactly one component has it. */
  syncedBy?: 'root';
  /**
   * Its objects describe what the other components render (the AppProjects, whose whitelists are
   * exactly the kinds each app's components render): it renders after them, and its context
   * carries `renderedKinds`.
   */
  describesRendered?: boolean;
  /** A Helm chart, inflated into rendered/. */
  chart?: ChartSource<Values>;
  /** cdk8s objects (alone, or next to a chart's). */
  resources?: (chart: PlatformChart, context: ComponentContext) => void;
  exemptions?: readonly PolicyExemption[];
  /** Fields Argo CD leaves to their owner in the cluster (see IgnoredDifference). */
  ignoreDifferences?: readonly IgnoredDifference[];
  /**
   * It reads secrets from AWS Secrets Manager through ExternalSecrets in its namespace. The
   * ClusterSecretStore serves exactly the namespaces of these components on each cluster
   * (apps/external-secrets), and a component that renders an ExternalSecret without saying so
   * fails to render.
   */
  externalSecrets?: boolean;
}

/** A catalog entry: a component definition placed in its app, with its clusters resolved. */
export interface ComponentSpec extends Omit<ComponentDefinition, 'clusters'> {
  app: string;
  name: string;
  /** `apps/<app>/src/<name>/component.ts`, for error messages. */
  file: string;
  clusters: string[];
}

/** A vendored upstream file, named as in its lock entry (vendor/vendor.lock.json). */
export interface VendoredArtifact {
  name: string;
  version: string;
}

/** The parsed YAML documents of a vendored manifest file, lock- and digest-checked by the CLI. */
export type VendoredManifests = (artifact: VendoredArtifact) => readonly unknown[];

/** The kinds of a component's rendered objects on one cluster, by scope, each once, sorted. */
export interface RenderedKinds {
  clusterScoped: GroupKind[];
  namespaced: GroupKind[];
}

/** The kinds a component renders for a cluster (none when it renders nothing there yet). */
export type RenderedKindsOf = (component: ComponentSpec, cluster: string) => RenderedKinds;

/** What a component's code receives: the inventory, the whole catalog, and its own place. */
export interface ComponentContext {
  inventory: Inventory;
  catalog: readonly ComponentSpec[];
  cluster: ClusterSpec;
  component: ComponentSpec;
  /** Vendored manifests (the engine reads no files; the CLI supplies this). */
  vendored?: VendoredManifests;
  /** Only for a component that `describesRendered`: what every other component renders. */
  renderedKinds?: RenderedKindsOf;
}

/** Identity function that types a component file. */
export function defineComponent<Values>(
  definition: ComponentDefinition<Values>,
): ComponentDefinition<Values> {
  return definition;
}
