import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

/** The committed rendered/ tree: what ArgoCD applies, and what the tests read. */
const renderedRoot = resolve(__dirname, '../../../rendered');

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
}

/** The objects of one component on one cluster (values.yaml excluded). */
export function renderedComponent(cluster: string, component: string): RenderedObject[] {
  const directory = join(renderedRoot, cluster, 'external-secrets', component);
  if (!existsSync(directory)) throw new Error(`${directory} does not exist: run gitops render`);
  return readdirSync(directory)
    .filter((file) => file.endsWith('.yaml') && file !== 'values.yaml')
    .sort()
    .map((file) => parse(readFileSync(join(directory, file), 'utf8')) as RenderedObject);
}
