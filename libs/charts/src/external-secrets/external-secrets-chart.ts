import { chartPin } from '../pin/chart-pin';
import type { ExternalSecretsValues } from './external-secrets-values';

/** The External Secrets Operator chart; its values are typed by `ExternalSecretsValues`. */
export const externalSecretsChart = chartPin<ExternalSecretsValues>({
  chart: 'external-secrets',
  // renovate: datasource=helm depName=external-secrets registryUrl=https://charts.external-secrets.io
  version: '2.9.0',
  repository: 'https://charts.external-secrets.io',
});
