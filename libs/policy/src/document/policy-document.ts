import {
  parseHelmValuesHeader,
  parseManifestFile,
  resourceLabel,
  type Finding,
  type ManifestDocument,
  clusterOfPath,
} from '@platform/manifests';
import { isJsonObject, objectOf, stringOf, type JsonObject } from './json-value';

/** A file to check: repository-relative path and its text. */
export interface PolicyFile {
  path: string;
  content: string;
}

/** A Kubernetes object read from a manifest file. */
export interface KubernetesResource {
  document: ManifestDocument;
  object: JsonObject;
  /** API group: `''` for the core group, `apps`, `argoproj.io`, … */
  group: string;
  kind: string;
  name: string | undefined;
  namespace: string | undefined;
  /** `kind/namespace/name`, as findings print it. */
  label: string;
  annotations: JsonObject;
  labels: JsonObject;
  /** The cluster the file deploys to (`rendered/<cluster>/…`); `''` outside that layout. */
  cluster: string;
}

/** One YAML document: a Kubernetes object from a manifest, or the values of a Helm chart. */
export interface PolicyDocument {
  file: string;
  document: ManifestDocument;
  source: 'manifest' | 'helm-values';
  /** Set for manifest documents that are Kubernetes objects (have a `kind`). */
  resource: KubernetesResource | undefined;
}

export interface ReadDocuments {
  documents: PolicyDocument[];
  /** YAML syntax errors and duplicate keys: a file that does not parse must not pass. */
  findings: Finding[];
}

/** Parses every file; a file with the `# helm-values:` header is a Helm values file. */
export function readPolicyDocuments(files: readonly PolicyFile[]): ReadDocuments {
  const documents: PolicyDocument[] = [];
  const findings: Finding[] = [];
  for (const file of files) {
    const parsed = parseManifestFile(file.path, file.content);
    findings.push(...parsed.findings);
    const source = parseHelmValuesHeader(file.content) ? 'helm-values' : 'manifest';
    for (const document of parsed.documents) {
      documents.push({
        file: file.path,
        document,
        source,
        resource: source === 'manifest' ? kubernetesResource(document, file.path) : undefined,
      });
    }
  }
  return { documents, findings };
}

function kubernetesResource(
  document: ManifestDocument,
  file: string,
): KubernetesResource | undefined {
  if (!isJsonObject(document.value)) return undefined;
  const object = document.value;
  const kind = stringOf(object.kind);
  if (!kind) return undefined;
  const apiVersion = stringOf(object.apiVersion) ?? '';
  const metadata = objectOf(object.metadata);
  return {
    document,
    object,
    group: apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '',
    kind,
    name: stringOf(metadata.name),
    namespace: stringOf(metadata.namespace),
    label: resourceLabel(object),
    annotations: objectOf(metadata.annotations),
    labels: objectOf(metadata.labels),
    cluster: clusterOfPath(file),
  };
}
