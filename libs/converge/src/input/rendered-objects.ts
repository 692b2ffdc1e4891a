import { parseSourceFile } from '@platform/manifests';
import type { KubeObject } from '../kube/kube-object';
import type { RenderedFile } from './converge-input';

/** An object of rendered/ with the file and directory it is in. */
export interface RenderedObject {
  object: KubeObject;
  file: string;
  /** `rendered/<cluster>/<app>/<component>`. */
  directory: string;
  /** The file's name within its directory. */
  fileName: string;
}

/**
 * Every object of the rendered files, in path order. The parse is the one validate and policy
 * made of the same file objects, when they ran first (libs/manifests keeps it per file).
 */
export function renderedObjects(files: readonly RenderedFile[]): RenderedObject[] {
  const objects: RenderedObject[] = [];
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const slash = file.path.lastIndexOf('/');
    for (const document of parseSourceFile(file).documents) {
      const value = document.value as KubeObject;
      if (!value || typeof value !== 'object' || !value.kind) continue;
      objects.push({
        object: value,
        file: file.path,
        directory: file.path.slice(0, slash),
        fileName: file.path.slice(slash + 1),
      });
    }
  }
  return objects;
}

/** The objects of each directory (`rendered/<cluster>/<app>/<component>`), in path order. */
export function objectsByDirectory(
  objects: readonly RenderedObject[],
): Map<string, RenderedObject[]> {
  const byDirectory = new Map<string, RenderedObject[]>();
  for (const object of objects) {
    const list = byDirectory.get(object.directory);
    if (list) list.push(object);
    else byDirectory.set(object.directory, [object]);
  }
  return byDirectory;
}
