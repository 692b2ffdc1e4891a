import type { FieldPath } from '@platform/manifests';
import { arrayOf, isJsonObject, stringOf, type JsonObject } from '../document/json-value';
import type { PodTemplate } from './pod-template';

export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers';

/** One container of a pod template, with its path for findings. */
export interface PodContainer {
  list: ContainerList;
  /** `container "app"`, `init container "setup"`: how messages name it. */
  title: string;
  path: FieldPath;
  value: JsonObject;
  securityContext: JsonObject;
}

const listTitles: Record<ContainerList, string> = {
  containers: 'container',
  initContainers: 'init container',
  ephemeralContainers: 'ephemeral container',
};

/** The containers of a pod template from the given lists, in document order. */
export function podContainers(
  template: PodTemplate,
  lists: readonly ContainerList[] = ['containers', 'initContainers', 'ephemeralContainers'],
): PodContainer[] {
  const containers: PodContainer[] = [];
  for (const list of lists) {
    arrayOf(template.spec[list]).forEach((value, index) => {
      if (!isJsonObject(value)) return;
      const name = stringOf(value.name) ?? `#${index}`;
      containers.push({
        list,
        title: `${listTitles[list]} "${name}"`,
        path: [...template.specPath, list, index],
        value,
        securityContext: isJsonObject(value.securityContext) ? value.securityContext : {},
      });
    });
  }
  return containers;
}
