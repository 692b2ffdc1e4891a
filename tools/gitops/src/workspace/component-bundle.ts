import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Message, Plugin } from 'esbuild';
import { CatalogError } from '@platform/core';
import { contentKey, freshStamp, installBundle, writeStamp } from '../../bin/bundle-stamp.mjs';
import { bundleCacheDirectory } from '../../bin/cli-bundle.mjs';
import { sourceLocations } from '../../bin/source-locations.mjs';

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
  const cache = bundleCacheDirectory(root);
  const salt = `${builderVersion}\n${JSON.stringify(libraries)}\n${files.join('\n')}`;
  const stampPath = join(cache, 'components.stamp.json');
  const output = freshStamp(stampPath, salt)?.output ?? (await buildComponentBundle());
  const module = (await import(pathToFileURL(join(output, 'components.js')).href)) as {
    default: unknown[];
  };
  return module.default;

  async function buildComponentBundle(): Promise<string> {
    const { build } = await import('esbuild');
    const building = join(cache, `building-${process.pid}-${Date.now()}`);
    mkdirSync(cache, { recursive: true });
    const startedAt = Date.now();
    const entry = files.map((file, i) => `import c${i} from ${JSON.stringify(`./${file}`)};`);
    entry.push(`export default [${files.map((_, i) => `c${i}`).join(', ')}];`);
    const result = await build({
      absWorkingDir: root,
      stdin: { contents: entry.join('\n'), resolveDir: root, sourcefile: entryFile, loader: 'ts' },
      outfile: join(building, 'components.js'),
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      tsconfig: join(root, 'tsconfig.json'),
      sourcemap: 'linked',
      metafile: true,
      logLevel: 'silent',
      plugins: [libraryModules(libraries), sourceLocations()],
    }).catch((error: { errors?: Message[] }) => {
      rmSync(building, { recursive: true, force: true });
      throw error.errors ? componentSourceError(root, files, error.errors) : error;
    });
    const inputs = Object.keys(result.metafile.inputs)
      .filter((input) => input !== entryFile && !input.startsWith('<stdin>'))
      .map((input) => resolve(root, input));
    const key = contentKey(inputs, salt)!;
    const output = join(cache, `components-${key}`);
    installBundle(building, output);
    if (inputs.every((file) => statSync(file).mtimeMs < startedAt)) {
      writeStamp(stampPath, salt, key, output, inputs);
    }
    return output;
  }
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
