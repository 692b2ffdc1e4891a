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
import { importComponentBundle } from './component-bundle';
import { bundledLibraries } from './library-bundle';

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
  const found = findComponentFiles(root);
  const definitions = await importDefaultExports(
    root,
    found.map((component) => component.file),
  );
  const loaded: LoadedComponent[] = found.map((component, index) => {
    const definition = definitions[index];
    if (!definition || typeof definition !== 'object') {
      throw new CatalogError([
        {
          file: component.file,
          field: 'default export',
          message: 'must be `export default defineComponent({...})`',
        },
      ]);
    }
    return { ...component, definition: definition as ComponentDefinition<unknown> };
  });
  return assembleCatalog(inventory, loaded);
}

/** The bundled CLI loads every component from one bundle; from source, each file is imported. */
async function importDefaultExports(root: string, files: string[]): Promise<unknown[]> {
  const libraries = bundledLibraries();
  if (libraries) return importComponentBundle(root, files, libraries);
  const definitions: unknown[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(root, file)).href)) as { default?: unknown };
    definitions.push(module.default);
  }
  return definitions;
}
