import type { ComponentContext, VendoredArtifact } from '@platform/core';

/** The vendored upstream file this component is written against (its lock entry in vendor/). */
export const argocdInstallArtifact: VendoredArtifact = {
  name: 'argo-cd-ha-install',
  version: '3.5.1',
};

/**
 * The parsed install, from the capability the CLI gives components that render vendored
 * manifests (the engine stays pure: it never reads files itself).
 */
export function vendoredArgocdInstall(context: ComponentContext): readonly unknown[] {
  if (!context.vendored) {
    throw new Error(
      `${context.component.file}: the render context has no vendored(); the Argo CD component needs the parsed ${argocdInstallArtifact.name}@${argocdInstallArtifact.version} from vendor/`,
    );
  }
  return context.vendored(argocdInstallArtifact);
}
