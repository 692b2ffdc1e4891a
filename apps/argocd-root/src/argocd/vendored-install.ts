import type { ComponentContext } from '@platform/core';

/** The vendored upstream file this component is written against (its lock entry in vendor/). */
export const argocdInstallArtifact = { name: 'argo-cd-ha-install', version: '3.5.1' } as const;

/** A vendored manifest file's parsed YAML documents, checked against the lock by the CLI. */
export type VendoredManifests = (artifact: { name: string; version: string }) => readonly unknown[];

/**
 * The parsed install, from the capability the CLI gives components that render vendored
 * manifests (the engine stays pure: it never reads files itself).
 */
export function vendoredArgocdInstall(context: ComponentContext): readonly unknown[] {
  const vendored = (context as ComponentContext & { vendored?: VendoredManifests }).vendored;
  if (!vendored) {
    throw new Error(
      `${context.component.file}: the render context has no vendored(); the Argo CD component needs the parsed ${argocdInstallArtifact.name}@${argocdInstallArtifact.version} from vendor/`,
    );
  }
  return vendored(argocdInstallArtifact);
}
