import { ArgocdInstallError, objectKey, type InstallObject } from '../install/install-object';
import { isWorkload, workloadSpec } from './pod-template';

/**
 * No ServiceAccount of the install mounts its token by default; each pod that calls the API says
 * so in its own spec. Every Argo CD component does call the API except the repo-server and the
 * redis servers, which upstream already runs without a token: their `false` is kept, and every
 * other pod gets an explicit `true`, so a new pod added by an upstream bump gets no token until it
 * asks.
 */
export function applyServiceAccountTokens(install: InstallObject[]): void {
  for (const account of install.filter((o) => o.kind === 'ServiceAccount')) {
    account.automountServiceAccountToken = false;
  }
  for (const workload of install.filter(isWorkload)) {
    const pod = workloadSpec(workload).template.spec;
    const accountName = pod.serviceAccountName ?? 'default';
    if (pod.automountServiceAccountToken === false) continue;
    const exists = install.some(
      (o) => o.kind === 'ServiceAccount' && o.metadata.name === accountName,
    );
    if (!exists) {
      throw new ArgocdInstallError(
        objectKey(workload),
        `runs as ServiceAccount ${accountName}, which the install does not create`,
      );
    }
    pod.automountServiceAccountToken = true;
  }
}
