// @ts-check
// Plain JavaScript: the CLI's launcher (tools/gitops/bin/gitops.mjs) uses this before any TypeScript
// can be loaded.
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * An esbuild plugin that keeps every module's own location once it is bundled: `import.meta.url`,
 * `__dirname` and `__filename` become the source file's, not the bundle's. The code finds files
 * next to its sources that way (the repository root, the embedded schemas, the pinned Helm), and
 * must find the same ones whether it runs from source (tsx) or from a bundle.
 *
 * @returns {import('esbuild').Plugin}
 */
export function sourceLocations() {
  return {
    name: 'gitops-source-locations',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]s$/, namespace: 'file' }, async ({ path }) => {
        if (path.includes('/node_modules/')) return undefined;
        const source = await readFile(path, 'utf8');
        const contents = source
          .replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(path).href))
          .replace(/\b__dirname\b/g, JSON.stringify(dirname(path)))
          .replace(/\b__filename\b/g, JSON.stringify(path));
        return { contents, loader: /\.[cm]?ts$/.test(path) ? 'ts' : 'js' };
      });
    },
  };
}
