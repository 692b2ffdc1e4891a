import { parseSourceFile, type ManifestDocument } from '@platform/manifests';

/** A rendered object, where it is, and which directory (one component on one cluster) holds it. */
export interface RenderedObject {
  file: string;
  /** `rendered/<cluster>/<app>/<component>` */
  directory: string;
  cluster: string;
  document: ManifestDocument;
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** What ArgoCD will do with one directory: the Application that syncs it, and its project. */
export interface ApplicationView {
  object: RenderedObject;
  name: string;
  path: string;
  project: string;
  destinationName: string;
  destinationNamespace: string;
  wave: number;
}

export interface ProjectView {
  name: string;
  destinations: { name?: string; server?: string; namespace?: string }[];
  clusterResourceWhitelist: { group: string; kind: string }[];
  namespaceResourceWhitelist?: { group: string; kind: string }[];
}

/** rendered/ read as ArgoCD sees it: objects, the Applications that sync them, their projects. */
export interface DeliveryPlan {
  objects: RenderedObject[];
  applications: ApplicationView[];
  projects: Map<string, ProjectView>;
}

/** Reads every rendered manifest (values.yaml excluded: it is never synced). */
export function readDeliveryPlan(
  files: readonly { path: string; content: string }[],
): DeliveryPlan {
  const objects: RenderedObject[] = [];
  for (const file of files) {
    const parts = file.path.split('/');
    if (parts.length !== 5 || parts[4] === 'values.yaml') continue;
    // The parse validate and policy already made of this file, when they ran on the same files.
    for (const document of parseSourceFile(file).documents) {
      const value = document.value as Record<string, any>;
      if (!value || typeof value !== 'object' || !value.kind) continue;
      objects.push({
        file: file.path,
        directory: parts.slice(0, 4).join('/'),
        cluster: parts[1]!,
        document,
        apiVersion: String(value.apiVersion ?? ''),
        kind: String(value.kind),
        namespace: value.metadata?.namespace,
        name: String(value.metadata?.name ?? ''),
      });
    }
  }
  const argo = (kind: string) =>
    objects.filter((o) => o.kind === kind && o.apiVersion.startsWith('argoproj.io/'));
  const applications = argo('Application').flatMap(applicationView);
  const projects = new Map(argo('AppProject').map((o) => [o.name, projectView(o)]));
  return { objects, applications, projects };
}

function applicationView(object: RenderedObject): ApplicationView[] {
  const spec = (object.document.value as any).spec ?? {};
  const annotations = (object.document.value as any).metadata?.annotations ?? {};
  const sources: any[] = spec.sources ?? (spec.source ? [spec.source] : []);
  return sources
    .filter((source) => typeof source.path === 'string')
    .map((source) => ({
      object,
      name: object.name,
      path: source.path,
      project: String(spec.project ?? 'default'),
      destinationName: String(spec.destination?.name ?? spec.destination?.server ?? ''),
      destinationNamespace: String(spec.destination?.namespace ?? ''),
      wave: Number(annotations['argocd.argoproj.io/sync-wave'] ?? 0),
    }));
}

function projectView(object: RenderedObject): ProjectView {
  const spec = (object.document.value as any).spec ?? {};
  return {
    name: object.name,
    destinations: spec.destinations ?? [],
    clusterResourceWhitelist: spec.clusterResourceWhitelist ?? [],
    namespaceResourceWhitelist: spec.namespaceResourceWhitelist,
  };
}

/** The API group of an apiVersion: `''` for the core group. */
export function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0]! : '';
}
