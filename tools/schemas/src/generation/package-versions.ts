import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Packages whose content determines the generated schemas. */
export const schemaSourcePackages = [
  'kubernetes-models',
  '@kubernetes-models/apimachinery',
  '@kubernetes-models/argo-cd',
  '@kubernetes-models/karpenter',
  'ts-json-schema-generator',
];

/** Installed versions, read from node_modules: what the output was really generated from. */
export function installedVersions(
  repositoryRoot: string,
  packages: string[],
): Record<string, string> {
  return Object.fromEntries(
    packages.map((name) => {
      const manifest = JSON.parse(
        readFileSync(join(repositoryRoot, 'node_modules', name, 'package.json'), 'utf8'),
      ) as { version: string };
      return [name, manifest.version];
    }),
  );
}
