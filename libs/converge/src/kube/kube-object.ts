/** A Kubernetes object as plain data: what a rendered file holds, or what a cluster stores. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    generateName?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    finalizers?: string[];
    deletionTimestamp?: string;
    generation?: number;
    [field: string]: unknown;
  };
  [field: string]: any;
}

/** The API group of an apiVersion: `''` for the core group. */
export function groupOf(apiVersion: string | undefined): string {
  const value = apiVersion ?? '';
  return value.includes('/') ? value.slice(0, value.indexOf('/')) : '';
}

/** The version part of an apiVersion (`v1` of `apps/v1`). */
export function versionOf(apiVersion: string | undefined): string {
  const value = apiVersion ?? '';
  return value.includes('/') ? value.slice(value.indexOf('/') + 1) : value;
}

export const nameOf = (object: KubeObject): string => object.metadata?.name ?? '';
export const namespaceOf = (object: KubeObject): string => object.metadata?.namespace ?? '';
export const kindOf = (object: KubeObject): string => object.kind ?? '';
export const annotationsOf = (object: KubeObject | undefined): Record<string, string> =>
  object?.metadata?.annotations ?? {};

/**
 * The identity gitops-engine keys objects by (`kube.ResourceKey`: group, kind, namespace, name),
 * as `group/Kind/namespace/name`, the form its `String()` prints.
 */
export function resourceKey(object: KubeObject): string {
  return `${groupOf(object.apiVersion)}/${kindOf(object)}/${namespaceOf(object)}/${nameOf(object)}`;
}

/** `Kind/namespace/name`, or `Kind/name` for a cluster-scoped object: how findings name it. */
export function objectLabel(object: KubeObject): string {
  const namespace = namespaceOf(object);
  return `${kindOf(object)}/${namespace ? `${namespace}/` : ''}${nameOf(object)}`;
}

/**
 * The comma-separated values of an annotation, trimmed, empty ones dropped, de-duplicated
 * (gitops-engine pkg/sync/resource/annotations.go, GetAnnotationCSVs).
 */
export function annotationCSVs(object: KubeObject | undefined, key: string): string[] {
  const values: string[] = [];
  for (const item of (annotationsOf(object)[key] ?? '').split(',')) {
    const value = item.trim();
    if (value !== '' && !values.includes(value)) values.push(value);
  }
  return values;
}

/** annotations.go, HasAnnotationOption: the annotation lists exactly this value. */
export function hasAnnotationOption(
  object: KubeObject | undefined,
  key: string,
  value: string,
): boolean {
  return annotationCSVs(object, key).includes(value);
}

/** annotations.go, GetAnnotationOptionValue: the value of a `key=value` option, if set. */
export function annotationOptionValue(
  object: KubeObject | undefined,
  annotation: string,
  option: string,
): string | undefined {
  const prefix = `${option}=`;
  const item = annotationCSVs(object, annotation).find((value) => value.startsWith(prefix));
  return item === undefined ? undefined : item.slice(prefix.length);
}

/** Go's strconv.Atoi on a decimal integer: undefined when the text is not one. */
export function atoi(text: string | undefined): number | undefined {
  if (text === undefined || !/^[+-]?\d+$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}
