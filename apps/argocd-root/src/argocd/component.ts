import { argocdIrsaRoleArn, argocdNamespace, managementCluster } from '@platform/config';
import { addPlatformNamespace } from '@platform/core';
import { defineComponent } from '@platform/core';
import { customiseArgocdInstall, platformInstallChoices } from './argocd-install';
import { argocdExemptions } from './argocd-exemptions';
import { protectedSyncOptions, syncOptionsAnnotation } from './self-management/protected-objects';
import { syncWaveAnnotation, syncWaveOfKind } from './self-management/sync-waves';
import { vendoredArgocdInstall } from './vendored-install';

/**
 * Argo CD itself: the official HA install of 3.5.1, vendored byte for byte, with typed changes on
 * top. Its directory is also the bootstrap: `kubectl apply --server-side` of it gives a running
 * Argo CD with no other object needed (see the README's bootstrap section).
 */
export default defineComponent({
  description: 'Argo CD 3.5.1 (HA install) managing itself: settings, RBAC, requests, replicas.',
  clusters: 'management',
  namespace: argocdNamespace,
  // Before everything else, cluster registrations (-20) included: Argo CD's own settings (the
  // Application health check that makes the other waves wait) must be in place first.
  syncWave: -30,
  // The applicationsets CRD is larger than the client-side apply annotation limit (256 KiB).
  serverSideApply: true,
  resources: (chart, context) => {
    const namespace = addPlatformNamespace(chart, {
      name: argocdNamespace,
      podSecurity: 'restricted',
    });
    namespace.metadata.addAnnotation(syncWaveAnnotation, String(syncWaveOfKind.Namespace));
    // Deleting the namespace would delete Argo CD and every Application with it.
    namespace.metadata.addAnnotation(syncOptionsAnnotation, protectedSyncOptions);
    const choices = {
      ...platformInstallChoices,
      awsRoleArn: argocdIrsaRoleArn(managementCluster(context.inventory)),
    };
    const install = customiseArgocdInstall(
      vendoredArgocdInstall(context),
      argocdNamespace,
      choices,
    );
    for (const object of install) {
      chart.add(object);
    }
  },
  exemptions: argocdExemptions,
});
