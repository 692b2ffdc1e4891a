/**
 * A CustomResourceDefinition of a test's own, in group `example.com`, served as `v1` with
 * `openAPIV3Schema`: tests state only the schema they exercise. `otherVersions` are listed before
 * it (an unserved one, say).
 */
export function testCrd(
  kind: string,
  openAPIV3Schema: Record<string, unknown>,
  otherVersions: Record<string, unknown>[] = [],
) {
  const plural = `${kind.toLowerCase()}s`;
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.example.com` },
    spec: {
      group: 'example.com',
      names: { kind, listKind: `${kind}List`, plural, singular: kind.toLowerCase() },
      scope: 'Namespaced',
      versions: [
        ...otherVersions,
        { name: 'v1', served: true, storage: true, schema: { openAPIV3Schema } },
      ],
    },
  };
}
