import { policyExemptionAnnotation } from '@platform/manifests';
import { ApiObject, App } from 'cdk8s';
import { inflateComponentChart, type ChartObject } from '../chart-inflation/inflate-chart';
import type { ChartInflater } from '../chart-inflation/chart-inflater';
import { PlatformChart, type Manifest } from '../chart/platform-chart';
import type { ComponentContext, ComponentSpec } from '../component/component-definition';
import { located, RenderError } from './render-error';
import {
  componentDirectory,
  generatedHeader,
  helmValuesFileName,
  helmValuesHeader,
  resourceFileName,
  toYaml,
  type RenderedFile,
} from './rendered-file';
import { clusterScopedKinds } from './resource-scope';

/** A rendered object and the construct that produced it, for error messages. */
interface RenderedObject {
  manifest: ChartObject;
  construct: string;
}

/**
 * Renders one component for one cluster into its files: the chart's objects (inflated with the
 * given inflater) and the component's own cdk8s objects, one file per object, plus values.yaml
 * for a chart. Each component has its own cdk8s App, so the cost is linear in components.
 */
export async function renderComponent(
  context: ComponentContext,
  inflate: ChartInflater,
): Promise<RenderedFile[]> {
  const { component, cluster } = context;
  const where = `${component.file} (cluster ${cluster.name})`;
  const directory = componentDirectory(cluster.name, component.app, component.name);
  const header = generatedHeader(component.app, component.name);
  const chart = new PlatformChart(new App({ outdir: '.gitops-tmp/cdk8s-unused' }), context);
  const files: RenderedFile[] = [];

  if (component.chart) {
    const { pin } = component.chart;
    const values = located(where, () => component.chart!.values(context));
    const objects = await inflateComponentChart(context, values, inflate, where);
    for (const object of objects) {
      located(`${where}, chart object ${describe(object)}`, () =>
        chart.add(withDefaultNamespace(object, component.namespace) as Manifest),
      );
    }
    files.push({
      path: `${directory}/${helmValuesFileName}`,
      content: header + helmValuesHeader(pin.chart, pin.version) + toYaml(values),
    });
  }
  if (component.resources) located(where, () => component.resources!(chart, context));

  const objects = located(where, () => renderedObjects(chart));
  if (objects.length === 0) throw new RenderError(where, 'renders no objects');
  applyExemptions(component, objects, where);
  checkExternalSecrets(component, objects, where);
  for (const { manifest, construct } of objects) {
    const path = `${directory}/${resourceFileName(identityOf(manifest))}`;
    checkScope(manifest, `${where}, construct ${construct} → ${path}`);
    files.push({ path, content: header + toYaml(manifest) });
  }
  return files;
}

function renderedObjects(chart: PlatformChart): RenderedObject[] {
  return chart.node
    .findAll()
    .filter((construct): construct is ApiObject => construct instanceof ApiObject)
    .map((object) => ({ manifest: object.toJson(), construct: object.node.path }));
}

/** Helm leaves the namespace to the installer; ArgoCD applies the destination's, so do we. */
function withDefaultNamespace(object: ChartObject, namespace: string): ChartObject {
  if (clusterScopedKinds.has(object.kind) || object.metadata?.namespace) return object;
  return { ...object, metadata: { ...object.metadata, namespace } };
}

function identityOf(manifest: ChartObject) {
  return {
    apiVersion: String(manifest.apiVersion),
    kind: String(manifest.kind),
    namespace: manifest.metadata?.namespace as string | undefined,
    name: String(manifest.metadata?.name),
  };
}

function describe(object: ChartObject): string {
  const { kind, namespace, name } = identityOf(object);
  return [kind, namespace, name].filter(Boolean).join('/');
}

function checkScope(manifest: ChartObject, where: string) {
  const { kind, namespace, name } = identityOf(manifest);
  if (namespace === undefined && !clusterScopedKinds.has(kind)) {
    throw new RenderError(where, `${kind}/${name} is namespaced but has no metadata.namespace`);
  }
  if (namespace !== undefined && clusterScopedKinds.has(kind)) {
    throw new RenderError(where, `${kind}/${name} is cluster-scoped but has metadata.namespace`);
  }
}

/**
 * An ExternalSecret works only in a namespace the ClusterSecretStore serves, which are the
 * namespaces of the components that declare `externalSecrets`.
 */
function checkExternalSecrets(component: ComponentSpec, objects: RenderedObject[], where: string) {
  const externalSecrets = objects.filter(({ manifest }) => manifest.kind === 'ExternalSecret');
  if (externalSecrets.length === 0) return;
  const { manifest } = externalSecrets[0]!;
  if (!component.externalSecrets)
    throw new RenderError(
      where,
      `externalSecrets: renders ExternalSecret ${manifest.metadata?.namespace}/${manifest.metadata?.name} but does not declare \`externalSecrets: true\`, so the ClusterSecretStore would not serve its namespace`,
    );
  const outside = externalSecrets.find(
    (e) => e.manifest.metadata?.namespace !== component.namespace,
  );
  if (outside)
    throw new RenderError(
      where,
      `namespace: ExternalSecret ${outside.manifest.metadata?.namespace}/${outside.manifest.metadata?.name} is outside the component's namespace ${component.namespace}, which is what the ClusterSecretStore serves`,
    );
}

/** Writes each declared exemption as its annotation; an exemption that matches nothing is stale. */
function applyExemptions(component: ComponentSpec, objects: RenderedObject[], where: string) {
  (component.exemptions ?? []).forEach((exemption, index) => {
    const matches = objects.filter(
      ({ manifest }) =>
        manifest.kind === exemption.kind &&
        manifest.metadata?.name === exemption.name &&
        (manifest.metadata?.namespace ?? undefined) === exemption.namespace,
    );
    if (matches.length === 0) {
      const target = [exemption.kind, exemption.namespace, exemption.name].filter(Boolean);
      throw new RenderError(
        where,
        `exemptions[${index}] (${exemption.rule} on ${target.join('/')}) matches no object this component renders: remove it or fix its kind, namespace or name`,
      );
    }
    for (const { manifest } of matches) {
      const annotations: Record<string, string> = {
        ...manifest.metadata.annotations,
        [policyExemptionAnnotation(exemption.rule)]: exemption.reason,
      };
      manifest.metadata.annotations = Object.fromEntries(
        Object.entries(annotations).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
    }
  });
}
