import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Message, Plugin } from 'esbuild';
import { cachedBundle, freshBundle } from '@platform/cached-bundles';
import { CatalogError } from '@platform/core';
import { bundleCacheDirectory } from '../../bin/cli-bundle.mjs';

/** The generated entry module: line n imports the n-th component file. */
const entryFile = 'gitops-components.ts';

/** Changes whenever the way component bundles are built changes. */
const builderVersion = 'gitops-component-bundle 1';

/**
 * The default exports of the given component files (repository-relative), in order, from one
 * module that esbuild bundles from all of them: importing a thousand files one by one through a
 * TypeScript loader costs seconds, one bundle a fraction of that. The bundle is rebuilt only when a
 * component file, or a file it imports, changes. Their `@platform/*` imports are the CLI bundle's
 * own library modules, so components and CLI share every class and constant.
 */
export async function importComponentBundle(
  root: string,
  files: string[],
  libraries: Record<string, string>,
): Promise<unknown[]> {
  const output = await cachedBundle(componentBundleRequest(root, files, libraries)).catch(
    (error: { errors?: Message[] }) => {
      throw error.errors ? componentSourceError(root, files, error.errors) : error;
    },
  );
  // A throwing component's stack trace then names its TypeScript file and line.
  process.setSourceMapsEnabled(true);
  const module = (await import(pathToFileURL(join(output, 'components.js')).href)) as {
    default: unknown[];
  };
  return module.default;
}

/**
 * The bundle of the given component files, if the cache holds it built from their current bytes
 * (and those of every file they import): its directory, whose name is a digest of all of them.
 * Undefined when it would have to be built. Loads nothing.
 */
export function freshComponentBundle(
  root: string,
  files: string[],
  libraries: Record<string, string>,
): string | undefined {
  return freshBundle(componentBundleRequest(root, files, libraries));
}

function componentBundleRequest(root: string, files: string[], libraries: Record<string, string>) {
  const entry = files.map((file, i) => `import c${i} from ${JSON.stringify(`./${file}`)};`);
  entry.push(`export default [${files.map((_, i) => `c${i}`).join(', ')}];`);
  return {
    root,
    cache: bundleCacheDirectory(root),
    kind: 'components',
    salt: `${builderVersion}\n${JSON.stringify(libraries)}\n${files.join('\n')}`,
    options: {
      stdin: {
        contents: entry.join('\n'),
        resolveDir: root,
        sourcefile: entryFile,
        loader: 'ts' as const,
      },
      packages: 'external' as const,
      sourcemap: 'linked' as const,
      plugins: [libraryModules(libraries)],
    },
    outfile: 'components.js',
    builderFiles: [fileURLToPath(import.meta.url)],
  };
}

/** `@platform/*` resolves to the CLI bundle's module of that library, outside this bundle. */
function libraryModules(libraries: Record<string, string>): Plugin {
  return {
    name: 'gitops-library-modules',
    setup(build) {
      build.onResolve({ filter: /^@platform\// }, ({ path }) => {
        const module = libraries[path];
        if (module) return { path: pathToFileURL(module).href, external: true };
        return { errors: [{ text: `${path} is not a library: components import only libs/` }] };
      });
    },
  };
}

/**
 * A component file that does not compile, or has no default export: every problem, located, as a
 * catalog error (the same one the CLI reports from source).
 */
function componentSourceError(root: string, files: string[], errors: Message[]): CatalogError {
  return new CatalogError(
    errors.map(({ location, text }) => {
      if (location?.file === entryFile) {
        // The entry's line n imports files[n - 1]: only its default export can be missing.
        return {
          file: files[location.line - 1] ?? 'apps/',
          field: 'default export',
          message: 'must be `export default defineComponent({...})`',
        };
      }
      return {
        file: location ? relative(root, resolve(root, location.file)) : 'apps/',
        field: location ? `line ${location.line}, column ${location.column + 1}` : 'source',
        message: text,
      };
    }),
  );
}
