import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCacheDirectory, cliBundle } from '../../bin/cli-bundle.mjs';
import { importComponentBundle } from './component-bundle';
import { repositoryRoot } from './repository-root';

/**
 * The bundled CLI's way of loading component files (from source, the CLI imports them one by one):
 * one esbuild bundle of all of them, against the CLI bundle's own library modules.
 */
let root: string;
let libraries: Record<string, string>;

beforeAll(async () => {
  libraries = (await cliBundle(repositoryRoot)).libraries;
  root = mkdtempSync(join(tmpdir(), 'gitops-components-'));
  symlinkSync(join(repositoryRoot, 'node_modules'), join(root, 'node_modules'));
  for (const file of ['package.json', 'tsconfig.json', 'tsconfig.base.json']) {
    cpSync(join(repositoryRoot, file), join(root, file));
  }
});

afterAll(() => {
  rmSync(bundleCacheDirectory(root), { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
});

function write(path: string, content: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
  return path;
}

const component = (value: string) =>
  `import { CatalogError } from '@platform/core';\nimport { label } from './label';\nexport default { value: ${value}, label, CatalogError };\n`;

describe('the component bundle', () => {
  it('gives each file its default export, in order, sharing the classes of the CLI bundle', async () => {
    const files = [
      write('apps/a/src/one/component.ts', component("'one'")),
      write('apps/a/src/two/component.ts', component("'two'")),
    ];
    write('apps/a/src/one/label.ts', "export const label = 'first';\n");
    write('apps/a/src/two/label.ts', "export const label = 'second';\n");
    const [one, two] = (await importComponentBundle(root, files, libraries)) as any[];
    expect([one.value, one.label, two.value, two.label]).toEqual(['one', 'first', 'two', 'second']);
    const core = await import(pathToFileURL(libraries['@platform/core']!).href);
    expect(one.CatalogError).toBe(core.CatalogError);
  });

  it('follows an edit to a component file, or to a file it imports, on the next load', async () => {
    const files = [write('apps/b/src/one/component.ts', component("'before'"))];
    write('apps/b/src/one/label.ts', "export const label = 'old';\n");
    expect(((await importComponentBundle(root, files, libraries)) as any[])[0].value).toBe(
      'before',
    );
    write('apps/b/src/one/component.ts', component("'after'"));
    write('apps/b/src/one/label.ts', "export const label = 'new';\n");
    const [edited] = (await importComponentBundle(root, files, libraries)) as any[];
    expect([edited.value, edited.label]).toEqual(['after', 'new']);
  });

  it('names the file, line and column of a component that does not compile', async () => {
    const files = [
      write('apps/c/src/broken/component.ts', "export default {\n  value: 'x',,\n};\n"),
    ];
    await expect(importComponentBundle(root, files, libraries)).rejects.toThrow(
      /apps\/c\/src\/broken\/component\.ts: line 2, column \d+: /,
    );
  });

  it('names the file of a component without a default export', async () => {
    const files = [write('apps/d/src/bare/component.ts', 'export const value = 1;\n')];
    await expect(importComponentBundle(root, files, libraries)).rejects.toThrow(
      'apps/d/src/bare/component.ts: default export: must be `export default defineComponent({...})`',
    );
  });
});
