import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { renderedRoot } from '@platform/config';
import type { SourceFile } from './collect-yaml-files';

/**
 * The committed CustomResourceDefinition files under rendered/ (named `customresourcedefinition-*`
 * by the rendered layout): the schemas of custom resources when only part of the tree is checked.
 * Each is stamped with its size and modification time and read only if its content is asked for:
 * the CRD versions cache answers from the stamp (2 MB of YAML not read at each `gitops validate`).
 */
export function renderedCrdFiles(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (directory: string, shown: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const absolute = join(directory, entry.name);
      if (entry.isDirectory()) walk(absolute, `${shown}/${entry.name}`);
      else if (entry.name.startsWith('customresourcedefinition-'))
        files.push(lazyFile(`${shown}/${entry.name}`, absolute));
    }
  };
  const top = join(root, renderedRoot);
  if (existsSync(top)) walk(top, renderedRoot);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function lazyFile(path: string, absolute: string): SourceFile {
  const { size, mtimeMs } = statSync(absolute);
  let content: string | undefined;
  return {
    path,
    stamp: `${size}:${mtimeMs}`,
    get content() {
      content ??= readFileSync(absolute, 'utf8');
      return content;
    },
  };
}
