import type { Finding } from '@platform/manifests';
import {
  checkAdmissionEnforcement,
  checkRenderedPodsAdmitted,
  checkRunnerNamespacesGuarded,
} from './admission/check-admission';
import { checkArgocdAccess } from './argocd/check-argocd-access';
import { checkJobEgress } from './egress/check-job-egress';
import { checkNodeReachability } from './reachability/check-node-reachability';
import { checkRunnerPullPolicy } from './runners/check-runner-pull-policy';
import { renderedObjects, type RenderedFile } from './rendered/rendered-objects';
import { checkSecretStoreScope } from './secret-store/check-secret-store-scope';

/**
 * Every isolation check over the rendered files, parsed once: what a privileged node holds,
 * which namespaces the secret store serves, where CI jobs may connect, what admission enforces and
 * whether it applies in every runner's job namespace and admits every rendered pod at Deny, and
 * who may deploy through Argo CD.
 */
export function checkIsolation(files: readonly RenderedFile[]): Finding[] {
  const objects = renderedObjects(files);
  return [
    ...checkNodeReachability(objects),
    ...checkRunnerPullPolicy(objects),
    ...checkSecretStoreScope(objects),
    ...checkJobEgress(objects),
    ...checkAdmissionEnforcement(objects),
    ...checkRenderedPodsAdmitted(objects),
    ...checkRunnerNamespacesGuarded(objects),
    ...checkArgocdAccess(objects),
  ];
}
