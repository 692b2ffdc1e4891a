import { createHash } from 'node:crypto';
import { findObject, type InstallObject } from '../install/install-object';
import { isWorkload, workloadSpec } from './pod-template';

/** The ConfigMap whose keys reach the components as environment variables, read at start only. */
const startupSettings = 'argocd-cmd-params-cm';
export const settingsChecksumAnnotation = `checksum/${startupSettings}`;

/**
 * Argo CD reads argocd-cm and argocd-rbac-cm live, but argocd-cmd-params-cm only through env vars
 * at start-up: a changed parameter would sit unused until some restart. Every pod template that
 * reads it carries the digest of its data, so a change to it rolls exactly those pods.
 */
export function applySettingsChecksum(install: InstallObject[]): void {
  const data = findObject(install, 'ConfigMap', startupSettings).data ?? {};
  const sorted = Object.fromEntries(Object.entries(data).sort(([a], [b]) => (a < b ? -1 : 1)));
  const digest = createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
  for (const workload of install.filter(isWorkload)) {
    const template = workloadSpec(workload).template as {
      metadata?: { annotations?: Record<string, string> };
      spec: unknown;
    };
    if (!JSON.stringify(template.spec).includes(`"name":"${startupSettings}"`)) continue;
    template.metadata = {
      ...template.metadata,
      annotations: { ...template.metadata?.annotations, [settingsChecksumAnnotation]: digest },
    };
  }
}
