import type { ComponentSpec } from '@platform/core';

/** `<cluster>-<app>-<component>`: unique in the ArgoCD namespace and readable in the UI. */
export function applicationName(cluster: string, component: ComponentSpec): string {
  return `${cluster}-${component.app}-${component.name}`;
}

/** The AppProject that confines an app's Applications. */
export function projectName(component: ComponentSpec): string {
  return component.app;
}

/** The project of the root Application alone: it may only create Applications and AppProjects. */
export const rootProjectName = 'app-of-apps';
export const rootApplicationName = 'argocd-root';

/** Labels that let `argocd app list -l` and ApplicationSets select by cluster, app or component. */
export function applicationLabels(
  cluster: string,
  component: ComponentSpec,
): Record<string, string> {
  return {
    'gitops.platform/cluster': cluster,
    'gitops.platform/app': component.app,
    'gitops.platform/component': component.name,
  };
}
