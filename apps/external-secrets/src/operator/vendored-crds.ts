import type { ExternalSecretsValues } from '@platform/charts';
import type { ComponentContext, Manifest, PlatformChart, VendoredArtifact } from '@platform/core';

/**
 * Every CRD of External Secrets Operator v2.9.0: `deploy/crds/bundle.yaml` of the tag, vendored
 * byte for byte (its vendor/ lock entry). The chart package in vendor/ was built from the git tag,
 * where the chart's generated `templates/crds/` are not committed, so `installCRDs` renders
 * nothing from it; the published chart generates those templates from this same bundle.
 */
export const externalSecretsCrdsArtifact: VendoredArtifact = {
  name: 'external-secrets-crds',
  version: '2.9.0',
};

type CrdFlag = keyof NonNullable<ExternalSecretsValues['crds']>;

/**
 * The value that gates each CRD in the published chart besides `installCRDs` (its
 * `crds.create<Kind>` switches, each true by default); every other CRD of the bundle, the
 * generators included, is gated by `installCRDs` alone.
 */
const createFlags: Readonly<Record<string, CrdFlag>> = {
  ClusterExternalSecret: 'createClusterExternalSecret',
  ClusterSecretStore: 'createClusterSecretStore',
  SecretStore: 'createSecretStore',
  ClusterGenerator: 'createClusterGenerator',
  ClusterPushSecret: 'createClusterPushSecret',
  PushSecret: 'createPushSecret',
};

/** The bundle's CRDs the chart would render with these values. */
export function chartCrds(
  documents: readonly Manifest[],
  values: ExternalSecretsValues,
): Manifest[] {
  if (values.installCRDs === false) return [];
  return documents.filter((document) => {
    const kind = (document as { spec?: { names?: { kind?: string } } }).spec?.names?.kind ?? '';
    const flag = createFlags[kind];
    return flag === undefined || values.crds?.[flag] !== false;
  });
}

/**
 * Adds the CRDs the operator's values select, unchanged apart from the platform's labels; each
 * is created in the operator's sync before anything uses its kind (ClusterSecretStores come in a
 * later wave), as Argo CD orders CRDs first.
 */
export function addVendoredCrds(
  chart: PlatformChart,
  context: ComponentContext,
  values: ExternalSecretsValues,
): void {
  const artifact = `${externalSecretsCrdsArtifact.name}@${externalSecretsCrdsArtifact.version}`;
  if (!context.vendored)
    throw new Error(
      `${context.component.file}: the render context has no vendored(); the operator needs ${artifact} from vendor/`,
    );
  const documents = context.vendored(externalSecretsCrdsArtifact) as Manifest[];
  for (const document of documents) {
    if (document.kind !== 'CustomResourceDefinition')
      throw new Error(
        `vendor ${artifact}: expected only CustomResourceDefinitions, found ${document.kind} ${document.metadata?.name ?? ''}`,
      );
  }
  for (const crd of chartCrds(documents, values)) chart.add(crd);
}
