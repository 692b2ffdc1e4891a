import type { ChartInflater } from '@platform/core';
import { helmTemplate } from '../helm';
import { vendoredChartPackage } from '../vendor';

/**
 * The render engine's inflater: the pinned Helm over the vendored, digest-checked package. The
 * package is verified before Helm runs, so a pin without its package, or a package whose digest
 * differs from the lock, fails with the pin's name and nothing renders.
 */
export function helmChartInflater(root: string): ChartInflater {
  return async (request) =>
    helmTemplate({
      chartPackage: vendoredChartPackage(root, request.pin, request.declaredIn),
      releaseName: request.releaseName,
      namespace: request.namespace,
      kubeVersion: request.kubeVersion,
      apiVersions: [...request.apiVersions],
      includeCrds: request.includeCrds,
      values: request.values as object,
    });
}
