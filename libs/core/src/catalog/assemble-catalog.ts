import { DNS_LABEL, type ClusterSpec, type Inventory } from '@platform/config';
import type {
  ClusterSelector,
  ComponentDefinition,
  ComponentSpec,
} from '../component/component-definition';
import { CatalogError, type CatalogIssue } from './catalog-error';

/** A component file as the CLI found it: `apps/<app>/src/<name>/component.ts`. */
export interface LoadedComponent {
  app: string;
  name: string;
  file: string;
  definition: ComponentDefinition<unknown>;
}

/** The longest label value the API server accepts. */
const labelValueLimit = 63;

const EXACT_VERSION = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

const roles: readonly unknown[] = ['all', 'management', 'workload'];

/** The clusters a selector picks, in inventory order. */
export function selectClusters(inventory: Inventory, selector: ClusterSelector): ClusterSpec[] {
  if (selector === 'all') return inventory.clusters;
  if (selector === 'management' || selector === 'workload') {
    return inventory.clusters.filter((cluster) => cluster.role === selector);
  }
  if (isPrerequisiteSelector(selector)) {
    // An invalid role or prerequisite selects nothing; the catalog check names it.
    if (typeof selector.when !== 'function' || !roles.includes(selector.role)) return [];
    return selectClusters(inventory, selector.role).filter((cluster) => selector.when(cluster));
  }
  return inventory.clusters.filter((cluster) => selector.includes(cluster.name));
}

function isPrerequisiteSelector(
  selector: unknown,
): selector is Extract<ClusterSelector, { when: unknown }> {
  return typeof selector === 'object' && selector !== null && !Array.isArray(selector);
}

/**
 * Validates every component file against the inventory and returns the catalog, sorted by app
 * and name. Every problem is reported at once, each naming the component's file and field.
 */
export function assembleCatalog(
  inventory: Inventory,
  loaded: readonly LoadedComponent[],
): ComponentSpec[] {
  const issues: CatalogIssue[] = [];
  const catalog: ComponentSpec[] = [];
  for (const component of loaded) {
    const add = (field: string, message: string) =>
      issues.push({ file: component.file, field, message });
    checkComponent(inventory, component, add);
    const { clusters, ...rest } = component.definition;
    catalog.push({
      ...rest,
      app: component.app,
      name: component.name,
      file: component.file,
      clusters: selectClusters(inventory, clusters ?? []).map((cluster) => cluster.name),
    });
  }
  const roots = catalog.filter((c) => c.syncedBy === 'root');
  if (roots.length !== 1) {
    issues.push({
      file: 'apps/*/src/*/component.ts',
      field: 'syncedBy',
      message: `exactly one component must be synced by the root Application (found ${roots.length}: ${roots.map((r) => r.file).join(', ') || 'none'})`,
    });
  }
  if (issues.length > 0) throw new CatalogError(issues);
  return catalog.sort((a, b) => compare(`${a.app}/${a.name}`, `${b.app}/${b.name}`));
}

type AddIssue = (field: string, message: string) => void;

function checkComponent(inventory: Inventory, component: LoadedComponent, add: AddIssue) {
  const definition = component.definition as Partial<ComponentDefinition<unknown>>;
  if (!DNS_LABEL.test(component.name)) {
    add('(folder name)', `"${component.name}" is not a DNS label (lower-case letters, digits, -)`);
  }
  // The folder names become label values on every object (app.kubernetes.io/component, part-of)
  // and on the Application (gitops.platform/component, app): checked here, where they are born.
  for (const [field, name] of [
    ['(folder name)', component.name],
    ['(app folder name)', component.app],
  ] as const) {
    if (name.length > labelValueLimit)
      add(
        field,
        `"${name}" is ${name.length} characters; it becomes a label value, which Kubernetes limits to ${labelValueLimit}: rename the folder`,
      );
  }
  if (!definition.description?.trim()) add('description', 'is empty');
  checkNamespaces(definition, add);
  if (!Number.isInteger(definition.syncWave)) {
    add('syncWave', `${definition.syncWave} is not an integer (ArgoCD sync waves are integers)`);
  }
  checkClusters(inventory, definition.clusters, add);
  if (!definition.chart && !definition.resources) {
    add('chart/resources', 'declares neither a chart nor resources: it would render nothing');
  }
  if (definition.chart) checkChart(definition.chart, add);
  (definition.exemptions ?? []).forEach((exemption, index) => {
    if (!exemption.reason?.trim()) add(`exemptions[${index}].reason`, 'is empty: say why');
  });
  (definition.ignoreDifferences ?? []).forEach((ignored, index) => {
    const at = `ignoreDifferences[${index}]`;
    if (!ignored.reason?.trim()) add(`${at}.reason`, 'is empty: say who owns the field');
    if (ignored.jsonPointers.length === 0) add(`${at}.jsonPointers`, 'names no field');
    ignored.jsonPointers.forEach((pointer, i) => {
      if (!pointer.startsWith('/'))
        add(`${at}.jsonPointers[${i}]`, `"${pointer}" is not a JSON pointer (starts with /)`);
    });
  });
}

function checkNamespaces(definition: Partial<ComponentDefinition<unknown>>, add: AddIssue) {
  const namespaces = [definition.namespace, ...(definition.additionalNamespaces ?? [])];
  namespaces.forEach((namespace, index) => {
    const field = index === 0 ? 'namespace' : `additionalNamespaces[${index - 1}]`;
    if (typeof namespace !== 'string' || !DNS_LABEL.test(namespace) || namespace.length > 63) {
      add(field, `"${namespace}" is not a valid namespace name`);
    }
  });
}

function checkClusters(inventory: Inventory, selector: unknown, add: AddIssue) {
  const known = inventory.clusters.map((c) => c.name);
  if (Array.isArray(selector)) {
    selector.forEach((name, index) => {
      if (!known.includes(name)) {
        add(`clusters[${index}]`, `unknown cluster "${name}" (known: ${known.join(', ')})`);
      }
    });
    if (selector.length === 0) add('clusters', 'targets no cluster');
  } else if (isPrerequisiteSelector(selector)) {
    // The prerequisite may hold on no cluster yet: the component is then deployed nowhere.
    if (!roles.includes(selector.role))
      add(
        'clusters.role',
        `${JSON.stringify(selector.role)} is not 'all', 'management' or 'workload'`,
      );
    if (typeof selector.when !== 'function')
      add('clusters.when', 'must be a function of the cluster (its prerequisite)');
  } else if (!roles.includes(selector)) {
    add('clusters', `${JSON.stringify(selector)} is not 'all', 'management', 'workload' or a list`);
  } else if (selectClusters(inventory, selector as ClusterSelector).length === 0) {
    add('clusters', `no cluster in the inventory has role "${selector}"`);
  }
}

function checkChart(chart: NonNullable<ComponentDefinition<unknown>['chart']>, add: AddIssue) {
  if (!chart.pin?.chart) add('chart.pin', 'names no chart');
  if (!EXACT_VERSION.test(chart.pin?.version ?? '')) {
    add(
      'chart.pin.version',
      `"${chart.pin?.version}" is not an exact chart version (ranges and tags drift)`,
    );
  }
  if (!/^(https:\/\/|oci:\/\/)/.test(chart.pin?.repository ?? '')) {
    add('chart.pin.repository', `"${chart.pin?.repository}" is not an https:// or oci:// URL`);
  }
  if (typeof chart.values !== 'function') add('chart.values', 'must be a function of the context');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
