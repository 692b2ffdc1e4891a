import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { renderedRoot } from '@platform/config';
import { listYamlFiles, type SourceFile } from './collect-yaml-files';

/**
 * The committed CustomResourceDefinition files under rendered/ (named `customresourcedefinition-*`
 * by the rendered layout): the schemas of custom resources when only part of the tree is checked.
 * Each is stamped with its size and modification time and read only if its content is asked for:
 * the CRD versions cache answers from the stamp (2 MB of YAML not read at each `gitops validate`).
 */
export function renderedCrdFiles(root: string): SourceFile[] {
  const top = join(root, renderedRoot);
  if (!existsSync(top)) return [];
  return listYamlFiles(root, [top])
    .filter(({ absolute }) => basename(absolute).startsWith('customresourcedefinition-'))
    .map(({ path, absolute }) => lazyFile(path, absolute));
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
