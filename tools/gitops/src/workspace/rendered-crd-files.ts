import { renderedRoot } from '@platform/config';
import { readTree } from '../render/rendered-tree';
import type { SourceFile } from './collect-yaml-files';

/**
 * The committed CustomResourceDefinition files under rendered/ (named `customresourcedefinition-*`
 * by the rendered layout): the schemas of custom resources when only part of the tree is checked.
 */
export function renderedCrdFiles(root: string): SourceFile[] {
  return [...readTree(root, renderedRoot)]
    .filter(([path]) => path.split('/').pop()!.startsWith('customresourcedefinition-'))
    .map(([path, content]) => ({ path, content }));
}
