import { expandListItems, parseSourceFile } from '@platform/manifests';
import {
  crdVersionSchemas,
  isCustomResourceDefinition,
  type CrdVersionSchema,
} from '../../checks/custom-resources/crd-versions';
import type { SourceFile } from '../../checks/source-file';
import type { CrdVersionsCache } from './crd-versions-cache';

/** The served versions of every CustomResourceDefinition in some files, in file order. */
export function crdVersionsOfFiles(files: readonly SourceFile[]): CrdVersionSchema[] {
  return files.flatMap((file) => crdVersionsOfFile(file));
}

/**
 * `crdVersionsOfFiles` of CRD files validation does not check itself (the committed CRDs, when
 * only part of rendered/ is validated): read through a cache, since only their schemas matter.
 */
export function crdVersionsOfSources(
  files: readonly SourceFile[],
  cache: CrdVersionsCache,
): CrdVersionSchema[] {
  return files.flatMap((file) => cache.versions(file, () => crdVersionsOfFile(file)));
}

function crdVersionsOfFile(file: SourceFile): CrdVersionSchema[] {
  return parseSourceFile(file)
    .documents.flatMap(expandListItems)
    .filter((document) => isCustomResourceDefinition((document.value ?? {}) as object))
    .flatMap((document) => crdVersionSchemas(document.value, file.path));
}
