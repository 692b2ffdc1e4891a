import type { ChartPin } from '@platform/charts';

/** What the render engine asks of Helm for one chart component on one cluster. */
export interface ChartInflationRequest {
  pin: ChartPin;
  /** The component file that pins the chart, for error messages. */
  declaredIn: string;
  releaseName: string;
  namespace: string;
  /** The cluster's Kubernetes minor version, e.g. `1.33`. */
  kubeVersion: string;
  /** Custom APIs the chart may detect with `.Capabilities.APIVersions`. */
  apiVersions: readonly string[];
  includeCrds: boolean;
  values: unknown;
}

/**
 * Runs a chart's templates and returns the multi-document YAML. The engine stays pure: the CLI
 * supplies an implementation backed by the pinned Helm and the vendored package; tests supply
 * fakes.
 */
export type ChartInflater = (request: ChartInflationRequest) => Promise<string>;
