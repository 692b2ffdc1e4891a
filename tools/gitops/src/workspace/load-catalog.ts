import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inventory as shippedInventory, type Inventory } from '@platform/config';
import {
  assembleCatalog,
  CatalogError,
  type ComponentDefinition,
  type ComponentSpec,
  type LoadedComponent,
} from '@platform/core';

/** The file that makes a folder under `apps/<app>/src/` a component. */
export const componentFileName = 'component.ts';

/** Every `apps/<app>/src/<component>/component.ts` under the root, sorted. */
export function findComponentFiles(root: string): { app: string; name: string; file: string }[] {
  const appsDir = join(root, 'apps');
  if (!existsSync(appsDir)) return [];
  const found: { app: string; name: string; file: string }[] = [];
  for (const app of readdirSync(appsDir).sort()) {
    const sourceDir = join(appsDir, app, 'src');
    if (!existsSync(sourceDir)) continue;
    for (const entry of readdirSync(sourceDir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      if (!existsSync(join(sourceDir, entry.name, componentFileName))) continue;
      found.push({
        app,
        name: entry.name,
        file: `apps/${app}/src/${entry.name}/${componentFileName}`,
      });
    }
  }
  return found.sort((a, b) => (a.file < b.file ? -1 : 1));
}

/**
 * Loads every component file by path (not by import, so the CLI has no Nx dependency on the apps
 * and a change in one app affects only that app) and assembles the validated catalog.
 */
export async function loadCatalog(
  root: string,
  inventory: Inventory = shippedInventory,
): Promise<ComponentSpec[]> {
  const loaded: LoadedComponent[] = [];
  for (const found of findComponentFiles(root)) {
    const module = (await import(pathToFileURL(join(root, found.file)).href)) as {
      default?: ComponentDefinition<unknown>;
    };
    if (!module.default || typeof module.default !== 'object') {
      throw new CatalogError([
        {
          file: found.file,
          field: 'default export',
          message: 'must be `export default defineComponent({...})`',
        },
      ]);
    }
    loaded.push({ ...found, definition: module.default });
  }
  return assembleCatalog(inventory, loaded);
}
