import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { appNames } from '@platform/config';
import type { AppDefinition } from '@platform/core';

/**
 * Loads `apps/<name>/src/app.ts` for every app the inventory knows. Loaded by path, not imported
 * statically, so the CLI does not depend on the apps in the Nx graph: a change to one app
 * affects only that app.
 */
export async function loadApps(root: string): Promise<AppDefinition[]> {
  const present = new Set(readdirSync(join(root, 'apps')));
  const apps: AppDefinition[] = [];
  for (const name of appNames) {
    const file = join(root, 'apps', name, 'src', 'app.ts');
    if (!present.has(name) || !existsSync(file)) {
      throw new Error(`apps/${name}/src/app.ts is missing (the inventory lists app "${name}")`);
    }
    const module = (await import(pathToFileURL(file).href)) as { default?: AppDefinition };
    if (!module.default || module.default.name !== name) {
      throw new Error(
        `apps/${name}/src/app.ts must default-export defineApp({ name: '${name}', ... })`,
      );
    }
    apps.push(module.default);
  }
  return apps;
}
