import type { ComponentContext, Manifest, PlatformChart, VendoredArtifact } from '@platform/core';

/**
 * The ExternalSecret CRD of ESO v2.9.0, vendored byte for byte from the tag (its vendor/ lock
 * entry). The chart package in vendor/ was built from the git tag, where the chart's generated
 * `templates/crds/` are not committed, so `installCRDs` renders nothing; this file is what those
 * templates are generated from. The ClusterSecretStore CRD of v2.9.0 is not available offline
 * (see the README's CRDs section).
 */
export const externalSecretCrdArtifact: VendoredArtifact = {
  name: 'external-secrets-externalsecret-crd',
  version: '2.9.0',
};

/** Adds the vendored CRDs to the operator's chart, unchanged apart from the platform's labels. */
export function addVendoredCrds(chart: PlatformChart, context: ComponentContext): void {
  const artifact = `${externalSecretCrdArtifact.name}@${externalSecretCrdArtifact.version}`;
  if (!context.vendored)
    throw new Error(
      `${context.component.file}: the render context has no vendored(); the operator needs ${artifact} from vendor/`,
    );
  for (const document of context.vendored(externalSecretCrdArtifact) as Manifest[]) {
    if (document.kind !== 'CustomResourceDefinition')
      throw new Error(
        `vendor ${artifact}: expected only CustomResourceDefinitions, found ${document.kind} ${document.metadata?.name ?? ''}`,
      );
    chart.add(document);
  }
}
