import { renderedRoot } from '@platform/config';
import { readTree } from '../render/rendered-tree';
import type { SourceFile } from './collect-yaml-files';

/**
 * The committed CustomResourceDefinition files under rendered/ (named `customresourcedefinition-*`
 * by the rendered layout): the schemas of custom resources when only part of the tree is checked.
 */
export function renderedCrdFiles(root: string): SourceFile[] {
  // Only these files are read: a render runs this over every app's files, not only its own.
  const crd = (name: string) => name.startsWith('customresourcedefinition-');
  return [...readTree(root, renderedRoot, crd)].map(([path, content]) => ({ path, content }));
}
