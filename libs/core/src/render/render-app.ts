import type { Inventory } from '@platform/config';
import { clusterByName, componentsOf, renderedRoot } from '@platform/config';
import { App } from 'cdk8s';
import type { AppDefinition, ComponentContext } from '../app/app-definition';
import { PlatformChart } from '../chart/platform-chart';
import {
  generatedHeader,
  helmValuesFileName,
  helmValuesHeader,
  resourceFileName,
  toYaml,
  type RenderedFile,
} from './rendered-file';
import { clusterScopedKinds } from './resource-scope';

/** A render failure that names the app, cluster and component it happened in. */
export class RenderError extends Error {
  constructor(
    readonly where: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${where}: ${message}`, options);
    this.name = 'RenderError';
  }
}

/** The directory of one component's files. */
export function componentDirectory(cluster: string, app: string, component: string): string {
  return `${renderedRoot}/${cluster}/${app}/${component}`;
}

/**
 * Renders one app for one cluster: one cdk8s App, one Chart per catalog component, one file per
 * resource. Pure: returns the files, writes nothing.
 */
export function renderApp(
  definition: AppDefinition,
  inventory: Inventory,
  clusterName: string,
): RenderedFile[] {
  const cluster = clusterByName(inventory, clusterName);
  const catalogEntries = componentsOf(inventory, definition.name, clusterName);
  const where = `apps/${definition.name} (cluster ${clusterName})`;

  const cataloged = new Set(
    inventory.components.filter((c) => c.app === definition.name).map((c) => c.name),
  );
  for (const name of Object.keys(definition.components)) {
    if (!cataloged.has(name)) {
      throw new RenderError(
        where,
        `component "${name}" is defined in the app but missing from libs/config/src/catalog.ts`,
      );
    }
  }

  const app = new App({ outdir: '.gitops-tmp/cdk8s-unused' });
  const files: RenderedFile[] = [];
  for (const component of catalogEntries) {
    const at = `${where}, component ${component.name}`;
    const definitionOfComponent = definition.components[component.name];
    if (!definitionOfComponent) {
      throw new RenderError(
        at,
        `the catalog lists this component but apps/${definition.name}/src/app.ts does not define it`,
      );
    }
    const context: ComponentContext = { inventory, cluster, component };
    const directory = componentDirectory(clusterName, definition.name, component.name);
    const header = generatedHeader(definition.name, component.name);

    if (component.source.type === 'helm') {
      if (!definitionOfComponent.helmValues) {
        throw new RenderError(
          at,
          'the catalog says this is a Helm component but it defines no helmValues',
        );
      }
      const values = run(at, () => definitionOfComponent.helmValues!(context));
      const { chart, version } = component.source.chart;
      files.push({
        path: `${directory}/${helmValuesFileName}`,
        content: header + helmValuesHeader(chart, version) + toYaml(values),
      });
    } else if (!definitionOfComponent.resources) {
      throw new RenderError(
        at,
        'the catalog says this component is rendered but it defines no resources',
      );
    }

    if (definitionOfComponent.resources) {
      const chart = new PlatformChart(app, context);
      run(at, () => definitionOfComponent.resources!(chart, context));
      const manifests = run(at, () => chart.toJson()) as Record<string, any>[];
      if (manifests.length === 0 && component.source.type === 'rendered') {
        throw new RenderError(at, 'renders no resources');
      }
      for (const manifest of manifests) {
        const identity = {
          apiVersion: String(manifest.apiVersion),
          kind: String(manifest.kind),
          namespace: manifest.metadata?.namespace as string | undefined,
          name: String(manifest.metadata?.name),
        };
        if (identity.namespace === undefined && !clusterScopedKinds.has(identity.kind)) {
          throw new RenderError(
            at,
            `${identity.kind}/${identity.name} is namespaced but has no metadata.namespace`,
          );
        }
        if (identity.namespace !== undefined && clusterScopedKinds.has(identity.kind)) {
          throw new RenderError(
            at,
            `${identity.kind}/${identity.name} is cluster-scoped but has metadata.namespace`,
          );
        }
        files.push({
          path: `${directory}/${resourceFileName(identity)}`,
          content: header + toYaml(manifest),
        });
      }
    }
  }

  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path))
      throw new RenderError(where, `two resources render to the same file ${file.path}`);
    seen.add(file.path);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function run<T>(where: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof RenderError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new RenderError(where, `threw: ${message}`, { cause: error });
  }
}
