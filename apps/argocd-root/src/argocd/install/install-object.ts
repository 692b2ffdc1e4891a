/**
 * One object of the vendored Argo CD install, as parsed YAML. The install is upstream data, so it
 * is handled as plain JSON-like objects; every change made to it is typed at the point where it is
 * made (see the settings/ and workloads/ folders).
 */
export interface InstallObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [field: string]: unknown;
  };
  [field: string]: unknown;
}

/** Where the vendored install comes from, for error messages (the lock entry's name). */
export const argocdInstallSource = 'vendor/argocd (Argo CD v3.5.1 manifests/ha/install.yaml)';

/** A problem with the vendored install or with a typed change that no longer fits it. */
export class ArgocdInstallError extends Error {
  constructor(object: string, message: string) {
    super(`${argocdInstallSource}: ${object}: ${message}`);
    this.name = 'ArgocdInstallError';
  }
}

/** `Kind/name`, as errors and tables name an object of the install. */
export function objectKey(object: { kind: string; metadata: { name: string } }): string {
  return `${object.kind}/${object.metadata.name}`;
}

/** Checks that each parsed document looks like a Kubernetes object, naming the first that does not. */
export function asInstallObjects(documents: readonly unknown[]): InstallObject[] {
  return documents.map((document, index) => {
    const candidate = document as Partial<InstallObject> | null;
    const name = candidate?.metadata?.name;
    if (
      !candidate ||
      typeof candidate.apiVersion !== 'string' ||
      typeof candidate.kind !== 'string' ||
      typeof name !== 'string'
    ) {
      throw new ArgocdInstallError(
        `document ${index + 1}`,
        'is not a Kubernetes object (apiVersion, kind and metadata.name are required)',
      );
    }
    return candidate as InstallObject;
  });
}

/** The object `kind/name`; a missing one is an error naming it, since a typed change depends on it. */
export function findObject(
  install: readonly InstallObject[],
  kind: string,
  name: string,
): InstallObject {
  const found = install.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new ArgocdInstallError(`${kind}/${name}`, 'not found in the install');
  return found;
}

/** Deep copy, so the parsed install handed to the component is never mutated. */
export function copyInstall(install: readonly InstallObject[]): InstallObject[] {
  return structuredClone(install) as InstallObject[];
}

export function addAnnotations(object: InstallObject, annotations: Record<string, string>): void {
  object.metadata.annotations = { ...object.metadata.annotations, ...annotations };
}
