/**
 * Annotation keywords found in Kubernetes OpenAPI and CRD schemas: the `x-kubernetes-*` vendor
 * extensions and OpenAPI's `example` and `externalDocs`. They carry no validation meaning (strictness
 * comes from `additionalProperties`), but declaring them lets ajv stay in strict mode, which
 * rejects any other unknown keyword as a schema mistake.
 */
export const annotationVocabulary = [
  'example',
  'externalDocs',
  'x-kubernetes-embedded-resource',
  'x-kubernetes-group-version-kind',
  'x-kubernetes-int-or-string',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-list-type',
  'x-kubernetes-map-type',
  'x-kubernetes-patch-merge-key',
  'x-kubernetes-patch-strategy',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-unions',
  'x-kubernetes-validations',
];
