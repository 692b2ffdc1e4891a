import { externalSecretsChart } from '@platform/charts';
import { namespaces } from '@platform/config';
import {
  addPlatformNamespace,
  defineComponent,
  fromChart,
  type PolicyExemption,
} from '@platform/core';
import {
  controllerServiceAccountName,
  operatorReleaseName,
  operatorValues,
} from './operator-values';
import { addVendoredCrds } from './vendored-crds';

const namespace = namespaces.externalSecrets;

/** Every ESO pod talks to the API server; the chart 2.9.0 ServiceAccounts have no automount field. */
const tokenExemptions: PolicyExemption[] = [
  controllerServiceAccountName,
  `${operatorReleaseName}-webhook`,
  `${operatorReleaseName}-cert-controller`,
].map((name) => ({
  rule: 'service-account-token-automount',
  kind: 'ServiceAccount',
  name,
  namespace,
  reason:
    'External Secrets Operator pods call the Kubernetes API (reconcilers, webhook, certificate controller); the chart sets automountServiceAccountToken on the pods and has no switch for the ServiceAccount.',
}));

const secretReadExemptions: PolicyExemption[] = [
  {
    rule: 'rbac-no-cluster-secret-read',
    kind: 'ClusterRole',
    name: `${operatorReleaseName}-controller`,
    reason:
      'The controller writes the Secret of every ExternalSecret in whichever namespace it lives, so it must read and watch Secrets cluster-wide; that is the operator’s job.',
  },
  {
    rule: 'rbac-no-cluster-secret-read',
    kind: 'ClusterRole',
    name: `${operatorReleaseName}-cert-controller`,
    reason:
      'The certificate controller keeps the webhook certificate Secret and injects its CA into the webhook configuration and CRDs; chart 2.9.0 grants the read as a ClusterRole.',
  },
];

/**
 * The store CRDs document the Nebius MysteryBox credential format with a placeholder PEM block
 * (`<private-key>`) in a field description; the scanner cannot tell a placeholder from a key.
 */
const placeholderKeyExemptions: PolicyExemption[] = ['clustersecretstores', 'secretstores'].map(
  (plural) => ({
    rule: 'no-credentials',
    kind: 'CustomResourceDefinition',
    name: `${plural}.external-secrets.io`,
    reason:
      'Upstream v2.9.0 CRD: a field description shows the credential JSON format with the placeholder "-----BEGIN PRIVATE KEY-----\n<private-key>\n…"; no key material.',
  }),
);

/**
 * External Secrets Operator from its official chart 2.9.0, before everything that holds an
 * ExternalSecret. On every cluster: the runners read their tokens through it on `ci`, ArgoCD its
 * repository credentials on the management cluster.
 */
export default defineComponent({
  description:
    'External Secrets Operator 2.9.0 (controller, webhook, certificate controller) and its namespace.',
  clusters: 'all',
  namespace,
  syncWave: -5,
  // CRDs are large; server-side apply has no annotation size limit.
  serverSideApply: true,
  chart: fromChart(externalSecretsChart)({
    releaseName: operatorReleaseName,
    includeCrds: true,
    values: ({ cluster }) => operatorValues(cluster),
  }),
  resources: (chart, context) => {
    addPlatformNamespace(chart, { name: namespace, podSecurity: 'restricted' });
    addVendoredCrds(chart, context, operatorValues(context.cluster));
  },
  exemptions: [...tokenExemptions, ...secretReadExemptions, ...placeholderKeyExemptions],
});
