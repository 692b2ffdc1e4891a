import { expandListItems, parseSourceFile } from '@platform/manifests';
import { CrdVersionsCache } from '../code-cache/crd-versions-cache';
import type { SourceFile } from '../engine/source-file';
import { celRuleCoverage, type CelRuleCoverage } from './cel-coverage';
import type { IdentifiedResource } from '../resources/identified-resource';
import { crdVersionSchemas, type CrdVersionSchema } from './crd-schema-set';

/** The served versions of every CustomResourceDefinition among the resources being validated. */
export function renderedCrdVersions(resources: readonly IdentifiedResource[]): CrdVersionSchema[] {
  return resources
    .filter(
      ({ typeMeta }) =>
        typeMeta.apiVersion === 'apiextensions.k8s.io/v1' &&
        typeMeta.kind === 'CustomResourceDefinition',
    )
    .flatMap(({ entry }) => crdVersionSchemas(entry.value, entry.document.file));
}

/** The served versions of every CustomResourceDefinition in some files, in file order. */
export function crdVersionsOfFiles(files: readonly SourceFile[]): CrdVersionSchema[] {
  return files.flatMap((file) => crdVersionsOfFile(file));
}

const crdVersionsCache = new CrdVersionsCache();

/**
 * `crdVersionsOfFiles` of CRD files validation does not check itself (the committed CRDs, when
 * only part of rendered/ is validated): read through a cache, since only their schemas matter.
 */
export function crdVersionsOfSources(files: readonly SourceFile[]): CrdVersionSchema[] {
  return files.flatMap((file) => crdVersionsCache.versions(file, () => crdVersionsOfFile(file)));
}

function crdVersionsOfFile(file: SourceFile): CrdVersionSchema[] {
  return parseSourceFile(file)
    .documents.flatMap(expandListItems)
    .filter((document) => {
      const value = document.value as { apiVersion?: unknown; kind?: unknown } | null;
      return (
        value?.apiVersion === 'apiextensions.k8s.io/v1' && value.kind === 'CustomResourceDefinition'
      );
    })
    .flatMap((document) => crdVersionSchemas(document.value, file.path));
}

/** The CEL coverage of the CRDs among some files, for `gitops validate --explain-coverage`. */
export function celCoverageOfFiles(files: readonly SourceFile[]): CelRuleCoverage[] {
  return celRuleCoverage(crdVersionsOfFiles(files));
}
