import type { FieldPath } from '@platform/manifests';
import { apiGroupOf, type RenderedObject } from '../rendered/rendered-objects';

/** Where each workload kind keeps its pod template. */
const templatePaths: Readonly<Record<string, FieldPath>> = {
  'apps/Deployment': ['spec', 'template'],
  'apps/DaemonSet': ['spec', 'template'],
  'apps/StatefulSet': ['spec', 'template'],
  'apps/ReplicaSet': ['spec', 'template'],
  'batch/Job': ['spec', 'template'],
  'batch/CronJob': ['spec', 'jobTemplate', 'spec', 'template'],
  '/Pod': [],
};

/** A rendered workload's pod template: what every pod it creates starts from. */
export interface PodTemplate {
  workload: RenderedObject;
  /** The namespace its pods are created in. */
  namespace: string;
  path: FieldPath;
  metadata: Record<string, any>;
  spec: Record<string, any>;
}

export function podTemplateOf(object: RenderedObject): PodTemplate | undefined {
  const path = templatePaths[`${apiGroupOf(object)}/${object.kind}`];
  if (!path) return undefined;
  let node: any = object.value;
  for (const key of path) node = node?.[key];
  if (!node || typeof node !== 'object') return undefined;
  return {
    workload: object,
    namespace: object.namespace ?? 'default',
    path,
    metadata: (node.metadata ?? {}) as Record<string, any>,
    spec: (node.spec ?? {}) as Record<string, any>,
  };
}

export function podTemplates(objects: readonly RenderedObject[]): PodTemplate[] {
  return objects.flatMap((object) => {
    const template = podTemplateOf(object);
    return template ? [template] : [];
  });
}
