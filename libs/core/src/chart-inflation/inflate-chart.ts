import { readValues } from '@platform/manifests';
import type { ComponentContext } from '../component/component-definition';
import { RenderError } from '../render/render-error';
import type { ChartInflater, ChartInflationRequest } from './chart-inflater';

/** A chart object as Helm rendered it: a plain Kubernetes manifest. */
export type ChartObject = Record<string, any>;

/**
 * Inflates a component's chart twice, concurrently, and refuses output that differs between the
 * two: a chart that generates random values (tokens, certificates, timestamps) would change
 * rendered/ on every render and must be configured not to.
 */
export async function inflateComponentChart(
  context: ComponentContext,
  values: unknown,
  inflate: ChartInflater,
  where: string,
): Promise<ChartObject[]> {
  const { component, cluster } = context;
  const source = component.chart!;
  const request: ChartInflationRequest = {
    pin: source.pin,
    declaredIn: component.file,
    releaseName: source.releaseName ?? component.name,
    namespace: component.namespace,
    kubeVersion: cluster.eks.kubernetesVersion,
    apiVersions: source.apiVersions ?? [],
    includeCrds: source.includeCrds ?? false,
    values,
  };
  let outputs: [string, string];
  try {
    outputs = await Promise.all([inflate(request), inflate(request)]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new RenderError(where, `chart ${source.pin.chart}@${source.pin.version}: ${message}`, {
      cause: error,
    });
  }
  const [first, second] = outputs.map((yaml) => parseChartOutput(yaml, where));
  const changing = objectsThatDiffer(first!, second!);
  if (changing.length > 0) {
    throw new RenderError(
      where,
      `chart ${source.pin.chart}@${source.pin.version} renders differently each time (random values or timestamps) in ${changing.join(', ')}: set the values that fix them (an existing Secret, a fixed input)`,
    );
  }
  return first!;
}

/**
 * The documents of Helm's output, read as Kubernetes reads YAML (an unquoted `yes` is a boolean,
 * as ArgoCD would apply it), without the empty ones its templates leave.
 */
export function parseChartOutput(yaml: string, where: string): ChartObject[] {
  const { values, problem } = readValues(yaml);
  if (problem) {
    throw new RenderError(
      where,
      `Helm output is not valid YAML (line ${problem.line}): ${problem.message}`,
    );
  }
  const objects: ChartObject[] = [];
  for (const value of values) {
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value) || !(value as ChartObject).kind) {
      throw new RenderError(where, 'Helm output has a document that is not a Kubernetes object');
    }
    const object = value as ChartObject;
    if (object.kind === 'List') objects.push(...(object.items ?? []));
    else objects.push(object);
  }
  return objects;
}

function identity(object: ChartObject): string {
  const { namespace, name } = object.metadata ?? {};
  return [object.kind, namespace, name].filter(Boolean).join('/');
}

function objectsThatDiffer(first: ChartObject[], second: ChartObject[]): string[] {
  const secondByIdentity = new Map(second.map((o) => [identity(o), JSON.stringify(o)]));
  const differing = first
    .filter((o) => secondByIdentity.get(identity(o)) !== JSON.stringify(o))
    .map(identity);
  if (first.length !== second.length && differing.length === 0) differing.push('(object count)');
  return differing;
}
