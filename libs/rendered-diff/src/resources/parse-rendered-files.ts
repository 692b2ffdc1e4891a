import { CORE_SCHEMA, loadAll, load, YAMLException } from 'js-yaml';
import {
  helmValuesKind,
  type RenderedFile,
  type RenderedResource,
  type ResourceOrigin,
} from './rendered-resource';

/** A rendered file the diff cannot read: names the file, the document and the field. */
export class RenderedInputError extends Error {
  override name = 'RenderedInputError';
}

const HELM_VALUES_HEADER = /^# helm-values: chart=(\S+) version=(\S+)$/m;

/**
 * Turns rendered files into resources. The path gives cluster, app and component; the content
 * gives group, kind, namespace and name. A `values.yaml` becomes one HelmValues resource per
 * component. Comments (the generated header) are not part of any resource.
 */
export function parseRenderedFiles(files: readonly RenderedFile[]): RenderedResource[] {
  const resources: RenderedResource[] = [];
  for (const file of files) {
    const origin = originOfRenderedPath(file.path);
    if (!origin) continue;
    if (/(^|\/)values\.ya?ml$/.test(file.path)) {
      resources.push(helmValuesResource(file, origin));
      continue;
    }
    documentsOf(file).forEach((value, index) => {
      if (value === null || value === undefined) return;
      resources.push(resourceFromDocument(file.path, index, value, origin));
    });
  }
  return resources;
}

/**
 * Parsed with js-yaml's core schema (no timestamps or other YAML 1.1 types, as the `yaml` writer
 * assumes): several times faster than a parser that keeps source positions, which the diff does
 * not need (a 1,000-resource change has to stay well under two seconds).
 */
function documentsOf(file: RenderedFile): unknown[] {
  try {
    return loadAll(file.content, null, { schema: CORE_SCHEMA, filename: file.path });
  } catch (error) {
    throw yamlError(file.path, error);
  }
}

function yamlError(path: string, error: unknown): Error {
  if (!(error instanceof YAMLException)) return error as Error;
  const line = error.mark ? `:${error.mark.line + 1}` : '';
  return new RenderedInputError(`${path}${line}: YAML: ${error.reason}`);
}

/** `rendered/<cluster>/<app>/<component>/<file>`; anything shallower is not a rendered resource. */
export function originOfRenderedPath(
  path: string,
): (ResourceOrigin & { cluster: string }) | undefined {
  const parts = path.split('/');
  const start = parts[0] === 'rendered' ? 1 : 0;
  if (parts.length - start < 4) return undefined;
  return {
    cluster: parts[start]!,
    app: parts[start + 1]!,
    component: parts.slice(start + 2, -1).join('/'),
    file: path,
  };
}

function resourceFromDocument(
  file: string,
  index: number,
  value: unknown,
  origin: ResourceOrigin & { cluster: string },
): RenderedResource {
  const where = `${file}: document ${index + 1}`;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new RenderedInputError(`${where}: expected a Kubernetes object, found ${typeof value}`);
  }
  const object = value as {
    apiVersion?: unknown;
    kind?: unknown;
    metadata?: { name?: unknown; namespace?: unknown };
  };
  const field = (name: string, found: unknown): string => {
    if (typeof found === 'string' && found) return found;
    throw new RenderedInputError(`${where}: field ${name} is missing or not a string`);
  };
  const apiVersion = field('apiVersion', object.apiVersion);
  const kind = field('kind', object.kind);
  const name = field('metadata.name', object.metadata?.name);
  const namespace = object.metadata?.namespace;
  const slash = apiVersion.lastIndexOf('/');
  const { cluster, ...rest } = origin;
  return {
    identity: {
      cluster,
      group: slash === -1 ? '' : apiVersion.slice(0, slash),
      kind,
      namespace: typeof namespace === 'string' ? namespace : '',
      name,
    },
    origin: rest,
    value,
  };
}

function helmValuesResource(
  file: RenderedFile,
  origin: ResourceOrigin & { cluster: string },
): RenderedResource {
  const header = HELM_VALUES_HEADER.exec(file.content.slice(0, 1000));
  let values: unknown;
  try {
    values = load(file.content, { schema: CORE_SCHEMA, filename: file.path });
  } catch (error) {
    throw yamlError(file.path, error);
  }
  const { cluster, ...rest } = origin;
  return {
    identity: {
      cluster,
      group: '',
      kind: helmValuesKind,
      namespace: origin.app,
      name: origin.component,
    },
    origin: rest,
    value: {
      chart: header ? { name: header[1], version: header[2] } : {},
      values: values ?? {},
    },
  };
}
