import type { Finding } from '@platform/manifests';
import { apiGroupOf, findingAt, type RenderedObject } from '../rendered/rendered-objects';

export const argocdAccessRules = {
  /** An AppProject allows more than its Applications deploy. */
  project: 'appproject-scope',
  /** Argo CD's own sign-in: a local admin, or no SSO. */
  signIn: 'argocd-sign-in',
} as const;

interface Entry {
  group: string;
  kind: string;
}

/**
 * Whoever merges to this repository deploys through Argo CD, so each AppProject must allow
 * exactly the kinds its Applications' directories hold, cluster-scoped and namespaced (no
 * wildcard, no kind left open for a later merge), and Argo CD must have no local admin and an SSO
 * provider.
 */
export function checkArgocdAccess(objects: readonly RenderedObject[]): Finding[] {
  return [...projectFindings(objects), ...signInFindings(objects)];
}

function projectFindings(objects: readonly RenderedObject[]): Finding[] {
  const findings: Finding[] = [];
  const applications = objects.filter(
    (o) => o.kind === 'Application' && apiGroupOf(o) === 'argoproj.io',
  );
  for (const project of objects.filter((o) => o.kind === 'AppProject')) {
    const paths = applications
      .filter((a) => a.value.spec?.project === project.name && a.cluster === project.cluster)
      .map((a) => String(a.value.spec?.source?.path ?? ''))
      .filter(Boolean);
    const deployed = objects.filter((o) =>
      paths.some(
        (path) => o.document.file.startsWith(`${path}/`) || o.document.file.includes(`/${path}/`),
      ),
    );
    const kinds = (namespaced: boolean) =>
      new Set(
        deployed
          .filter((o) => (o.namespace !== undefined) === namespaced)
          .map((o) => `${apiGroupOf(o)}/${o.kind}`),
      );
    for (const [field, namespaced] of [
      ['clusterResourceWhitelist', false],
      ['namespaceResourceWhitelist', true],
    ] as const) {
      const listed = project.value.spec?.[field] as Entry[] | undefined;
      const at = (message: string) =>
        findingAt(project, ['spec', field], argocdAccessRules.project, message);
      if (!listed) {
        findings.push(
          at(
            `sets no ${field}: its Applications may deploy any ${namespaced ? 'namespaced kind into their namespaces (kube-system included)' : 'cluster-scoped kind'}`,
          ),
        );
        continue;
      }
      const needed = kinds(namespaced);
      for (const entry of listed) {
        const key = `${entry.group}/${entry.kind}`;
        if (entry.group.includes('*') || entry.kind.includes('*'))
          findings.push(at(`allows ${key}, a wildcard`));
        else if (!needed.has(key))
          findings.push(
            at(
              `allows ${entry.group || 'core'}/${entry.kind}, which none of its Applications deploy`,
            ),
          );
      }
    }
  }
  return findings;
}

function signInFindings(objects: readonly RenderedObject[]): Finding[] {
  const findings: Finding[] = [];
  for (const cm of objects.filter((o) => o.kind === 'ConfigMap' && o.name === 'argocd-cm')) {
    const data = (cm.value.data ?? {}) as Record<string, string>;
    if (data['admin.enabled'] !== 'false')
      findings.push(
        findingAt(
          cm,
          ['data'],
          argocdAccessRules.signIn,
          `admin.enabled is ${data['admin.enabled'] ?? 'unset (true)'}: the local admin, one password in one Secret, is cluster-admin wherever Argo CD deploys`,
        ),
      );
    if (!data['dex.config'] && !data['oidc.config'])
      findings.push(
        findingAt(
          cm,
          ['data'],
          argocdAccessRules.signIn,
          'configures no SSO (dex.config or oidc.config): nobody signs in as themselves',
        ),
      );
    else if (!data.url)
      findings.push(
        findingAt(
          cm,
          ['data'],
          argocdAccessRules.signIn,
          'configures SSO without url, which its redirect needs',
        ),
      );
  }
  return findings;
}
