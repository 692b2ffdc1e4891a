import type { FieldPath } from '@platform/manifests';
import type { KubernetesResource } from '../document/policy-document';
import { objectOf, valueAtPath, type JsonObject } from '../document/json-value';
import type { KindSelector } from '../rules/policy-rule';

/** Where each workload kind keeps its pod template (metadata and spec). */
const podTemplateLocations: readonly (KindSelector & { template: FieldPath })[] = [
  { group: '', kind: 'Pod', template: [] },
  { group: '', kind: 'ReplicationController', template: ['spec', 'template'] },
  // Pod Security admission checks PodTemplates too; CapacityBuffers build virtual pods from them.
  { group: '', kind: 'PodTemplate', template: ['template'] },
  { group: 'apps', kind: 'Deployment', template: ['spec', 'template'] },
  { group: 'apps', kind: 'DaemonSet', template: ['spec', 'template'] },
  { group: 'apps', kind: 'StatefulSet', template: ['spec', 'template'] },
  { group: 'apps', kind: 'ReplicaSet', template: ['spec', 'template'] },
  { group: 'batch', kind: 'Job', template: ['spec', 'template'] },
  { group: 'batch', kind: 'CronJob', template: ['spec', 'jobTemplate', 'spec', 'template'] },
];

/** The kinds that carry a pod template, for rules that check pods. */
export const podWorkloadKinds: readonly KindSelector[] = podTemplateLocations.map(
  ({ group, kind }) => ({ group, kind }),
);

export interface PodTemplate {
  metadataPath: FieldPath;
  metadata: JsonObject;
  specPath: FieldPath;
  spec: JsonObject;
}

/** The pod template of a workload, or undefined when the kind has none. */
export function podTemplateOf(resource: KubernetesResource): PodTemplate | undefined {
  const location = podTemplateLocations.find(
    (l) => l.group === resource.group && l.kind === resource.kind,
  );
  if (!location) return undefined;
  const metadataPath = [...location.template, 'metadata'];
  const specPath = [...location.template, 'spec'];
  return {
    metadataPath,
    metadata: objectOf(valueAtPath(resource.object, metadataPath)),
    specPath,
    spec: objectOf(valueAtPath(resource.object, specPath)),
  };
}
