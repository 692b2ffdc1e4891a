import type { FieldPath } from '@platform/manifests';
import { arrayOf, objectOf, stringOf } from '../document/json-value';
import type { PodTemplate } from './pod-template';

export const hostNamespaceFields = ['hostNetwork', 'hostPID', 'hostIPC'] as const;
export type HostNamespaceField = (typeof hostNamespaceFields)[number];

/** The host namespaces a pod template shares (`hostNetwork: true`, …). */
export function hostNamespacesShared(
  template: PodTemplate,
): { field: HostNamespaceField; path: FieldPath }[] {
  return hostNamespaceFields
    .filter((field) => template.spec[field] === true)
    .map((field) => ({ field, path: [...template.specPath, field] }));
}

/** The hostPath volumes of a pod template, with the node path they mount when given. */
export function hostPathVolumes(
  template: PodTemplate,
): { name: string; nodePath: string | undefined; path: FieldPath }[] {
  return arrayOf(template.spec.volumes).flatMap((volume, index) => {
    const { name, hostPath } = objectOf(volume);
    if (hostPath === undefined) return [];
    return [
      {
        name: stringOf(name) ?? `#${index}`,
        nodePath: stringOf(objectOf(hostPath).path),
        path: [...template.specPath, 'volumes', index, 'hostPath'],
      },
    ];
  });
}
