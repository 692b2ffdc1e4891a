/**
 * Where kubeconform looks for a kind's schema in a local directory. kubeconform fills the template
 * per resource: Group is the part of apiVersion before "/" (the whole apiVersion, e.g. `v1`, for
 * the core group), ResourceKind the lowercased kind, ResourceAPIVersion the part after "/".
 * The group keeps kinds of different groups apart (karpenter.sh and karpenter.k8s.aws would both
 * map to `-karpenter-v1` with the kubeval-style `{{ .KindSuffix }}`).
 */
export function kubeconformSchemaLocation(directory: string): string {
  return `${directory}/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json`;
}

/** The file `kubeconformSchemaLocation` resolves to for one kind, relative to its directory. */
export function kubeconformSchemaFile(apiVersion: string, kind: string): string {
  const parts = apiVersion.split('/');
  return `${parts[0]}/${kind.toLowerCase()}_${parts[parts.length - 1]}.json`;
}
