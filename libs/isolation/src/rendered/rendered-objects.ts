import {
  clusterOfPath,
  formatFieldPath,
  parseSourceFile,
  resourceLabel,
  type FieldPath,
  type Finding,
  type ManifestDocument,
} from '@platform/manifests';

/** A rendered file: repository-relative path (`rendered/<cluster>/…`) and text. */
export interface RenderedFile {
  path: string;
  content: string;
}

/** One Kubernetes object of rendered/, with where it came from. */
export interface RenderedObject {
  cluster: string;
  apiVersion: string;
  kind: string;
  name: string;
  /** Absent for cluster-scoped objects. */
  namespace?: string;
  /** The object as parsed. */
  value: Record<string, any>;
  document: ManifestDocument;
}

/**
 * The Kubernetes objects of rendered files, each with its cluster (from the path). Helm values
 * files and documents without a kind are left out; a file that does not parse is `gitops
 * validate`'s finding, not these checks'.
 */
export function renderedObjects(files: readonly RenderedFile[]): RenderedObject[] {
  return files.flatMap((file) => {
    const cluster = clusterOfPath(file.path);
    return parseSourceFile(file).documents.flatMap((document): RenderedObject[] => {
      const value = document.value as Record<string, any> | null;
      if (!value || typeof value.kind !== 'string' || typeof value.apiVersion !== 'string')
        return [];
      const metadata = (value.metadata ?? {}) as { name?: unknown; namespace?: unknown };
      return [
        {
          cluster,
          apiVersion: value.apiVersion,
          kind: value.kind,
          name: typeof metadata.name === 'string' ? metadata.name : '?',
          ...(typeof metadata.namespace === 'string' ? { namespace: metadata.namespace } : {}),
          value,
          document,
        },
      ];
    });
  });
}

/** The API group of an object (`''` for the core group). */
export function apiGroupOf(object: Pick<RenderedObject, 'apiVersion'>): string {
  return object.apiVersion.includes('/') ? object.apiVersion.split('/')[0]! : '';
}

/** `kind/namespace/name`, as every finding names a resource. */
export function labelOf(object: RenderedObject): string {
  return resourceLabel(object.value);
}

/** A finding at a field of a rendered object. */
export function findingAt(
  object: RenderedObject,
  path: FieldPath,
  rule: string,
  message: string,
): Finding {
  return {
    file: object.document.file,
    ...object.document.locate(path),
    resource: labelOf(object),
    field: formatFieldPath(path),
    message,
    severity: 'error',
    rule,
  };
}

/** The objects of one cluster, by cluster name, in a stable order. */
export function byCluster(objects: readonly RenderedObject[]): Map<string, RenderedObject[]> {
  const clusters = new Map<string, RenderedObject[]>();
  for (const object of objects) {
    const list = clusters.get(object.cluster) ?? [];
    list.push(object);
    clusters.set(object.cluster, list);
  }
  return new Map([...clusters.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
