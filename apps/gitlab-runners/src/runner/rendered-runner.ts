import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';

/** The repository's committed rendered/ tree: what ArgoCD applies, and what these tests read. */
export const renderedRoot = resolve(__dirname, '../../../../rendered');

export interface RenderedObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
  /** Repository-relative path, for assertion messages. */
  file: string;
}

/** Every object under a rendered directory (recursively), values.yaml excluded. */
export function renderedObjects(...path: string[]): RenderedObject[] {
  const directory = join(renderedRoot, ...path);
  if (!existsSync(directory)) throw new Error(`${directory} does not exist: run gitops render`);
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.yaml') && !file.endsWith('values.yaml'))
    .sort()
    .map((file) => {
      const object = parseYaml(readFileSync(join(directory, file), 'utf8')) as RenderedObject;
      return { ...object, file: join(...path, file) };
    });
}

export function findObject(objects: RenderedObject[], kind: string, name: string): RenderedObject {
  const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new Error(`no ${kind}/${name} among ${objects.map((o) => o.file).join(', ')}`);
  return found;
}

/** The two TOML documents of a runner's ConfigMap: the global config.toml and the [[runners]] template. */
export function runnerConfigToml(configMap: RenderedObject): {
  global: Record<string, unknown>;
  template: { runners: Record<string, unknown>[] };
} {
  const data = configMap.data as Record<string, string>;
  return {
    global: parseToml(data['config.toml']!) as Record<string, unknown>,
    template: parseToml(data['config.template.toml']!) as { runners: Record<string, unknown>[] },
  };
}
