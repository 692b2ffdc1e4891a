import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import {
  argocdDestinationName,
  argocdNamespace,
  type ClusterSpec,
  type Inventory,
} from '@platform/config';
import { componentDirectory, helmValuesFileName, type ComponentSpec } from '@platform/core';
import { applicationLabels, applicationName, projectName } from './application-naming';
import { syncWaveAnnotation } from '../argocd/self-management/sync-waves';
import { automatedSyncPolicy, resourcesFinalizer } from './sync-policy';

/**
 * One child Application per component and cluster. Every component, chart or not, is a plain
 * directory of committed YAML: ArgoCD never runs Helm, so what reviewers read is what it applies.
 * A chart component's values.yaml sits in the same directory for review and is excluded from sync.
 */
export function componentApplication(
  inventory: Inventory,
  cluster: ClusterSpec,
  component: ComponentSpec,
): IApplication {
  const source: NonNullable<IApplication['spec']['source']> = {
    repoURL: inventory.repository.url,
    targetRevision: inventory.repository.revision,
    path: componentDirectory(cluster.name, component.app, component.name),
  };
  if (component.chart) source.directory = { exclude: helmValuesFileName };
  const ignored = (component.ignoreDifferences ?? []).map((field) => ({
    group: field.group,
    kind: field.kind,
    ...(field.name ? { name: field.name } : {}),
    ...(field.namespace ? { namespace: field.namespace } : {}),
    jsonPointers: [...field.jsonPointers],
  }));
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: applicationName(cluster.name, component),
      namespace: argocdNamespace,
      labels: applicationLabels(cluster.name, component),
      annotations: { [syncWaveAnnotation]: String(component.syncWave) },
      finalizers: [resourcesFinalizer],
    },
    spec: {
      project: projectName(component),
      source,
      destination: { name: argocdDestinationName(cluster), namespace: component.namespace },
      ...(ignored.length > 0 ? { ignoreDifferences: ignored } : {}),
      syncPolicy: automatedSyncPolicy({
        serverSideApply: component.serverSideApply,
        respectIgnoreDifferences: ignored.length > 0,
      }),
    },
  };
}
