import {
  expandListItems,
  parseHelmValuesHeader,
  parseSourceFile,
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
    // The same parse (and the same List expansion) validate uses, so both see the same objects.
    const parsed = parseSourceFile(file);
    findings.push(...parsed.findings);
    const source = parseHelmValuesHeader(file.content) ? 'helm-values' : 'manifest';
    const expanded =
      source === 'manifest' ? parsed.documents.flatMap(expandListItems) : parsed.documents;
    for (const document of expanded) {
      const resource = source === 'manifest' ? kubernetesResource(document, file.path) : undefined;
      if (source === 'manifest' && !resource) findings.push(notAResource(document));
      documents.push({ file: file.path, document, source, resource });
    }
  }
  return { documents, findings };
}

/** A manifest document that is not a Kubernetes object cannot be checked, so it cannot pass. */
function notAResource(document: ManifestDocument): Finding {
  return {
    file: document.file,
    ...document.locate([]),
    resource: '-',
    field: '',
    message:
      'not a Kubernetes resource: a manifest document must be a mapping with apiVersion, kind and metadata',
    severity: 'error',
    rule: 'type-meta',
  };
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
