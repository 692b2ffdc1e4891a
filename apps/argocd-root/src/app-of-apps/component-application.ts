import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import {
  argocdDestinationName,
  argocdNamespace,
  type ChartPin,
  type ClusterSpec,
  type ComponentSpec,
  type Inventory,
} from '@platform/config';
import { componentDirectory, helmValuesFileName } from '@platform/core';
import { applicationLabels, applicationName, projectName } from './application-naming';
import { automatedSyncPolicy, resourcesFinalizer } from './sync-policy';

type ApplicationSource = NonNullable<IApplication['spec']['source']>;

/** The chart part of a Helm source: an OCI chart uses ArgoCD's native OCI form (path "."). */
export function helmChartSource(pin: ChartPin): ApplicationSource {
  if (pin.repoURL.startsWith('oci://')) {
    return { repoURL: `${pin.repoURL}/${pin.chart}`, path: '.', targetRevision: pin.version };
  }
  return { repoURL: pin.repoURL, chart: pin.chart, targetRevision: pin.version };
}

/** The repository URL an Application of this component pulls from (for AppProject sourceRepos). */
export function sourceRepositories(inventory: Inventory, component: ComponentSpec): string[] {
  if (component.source.type !== 'helm') return [inventory.repository.url];
  return [helmChartSource(component.source.chart).repoURL, inventory.repository.url];
}

/**
 * One child Application per catalog component and cluster. Helm components read their values
 * from the committed values file through a second, values-only Git source (`$values`), so every
 * value change is a reviewed YAML diff and the chart is never inflated in this repo.
 */
export function componentApplication(
  inventory: Inventory,
  cluster: ClusterSpec,
  component: ComponentSpec,
): IApplication {
  const directory = componentDirectory(cluster.name, component.app, component.name);
  const gitSource = {
    repoURL: inventory.repository.url,
    targetRevision: inventory.repository.revision,
  };
  const spec: IApplication['spec'] = {
    project: projectName(component),
    destination: { name: argocdDestinationName(cluster), namespace: component.namespace },
    syncPolicy: automatedSyncPolicy({ serverSideApply: component.serverSideApply }),
  };
  if (component.source.type === 'helm') {
    spec.sources = [
      {
        ...helmChartSource(component.source.chart),
        helm: {
          releaseName: component.source.releaseName ?? component.name,
          valueFiles: [`$values/${directory}/${helmValuesFileName}`],
        },
      },
      { ...gitSource, ref: 'values' },
    ];
  } else {
    spec.source = { ...gitSource, path: directory };
  }
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: applicationName(cluster.name, component),
      namespace: argocdNamespace,
      labels: applicationLabels(cluster.name, component),
      annotations: { 'argocd.argoproj.io/sync-wave': String(component.syncWave) },
      finalizers: [resourcesFinalizer],
    },
    spec,
  };
}
