import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';

type SyncPolicy = NonNullable<NonNullable<IApplication['spec']>['syncPolicy']>;

/**
 * Every Application syncs itself: prune removes what left Git, selfHeal reverts hand edits, and
 * failed syncs retry with backoff (5s, 10s, 20s, 40s, 80s) instead of waiting for the next commit.
 */
export function automatedSyncPolicy(
  options: { serverSideApply?: boolean; respectIgnoreDifferences?: boolean } = {},
): SyncPolicy {
  const syncOptions = ['PruneLast=true'];
  if (options.serverSideApply) syncOptions.push('ServerSideApply=true');
  // Ignored fields keep their live value when Argo CD syncs (only on creation is Git's applied).
  if (options.respectIgnoreDifferences) syncOptions.push('RespectIgnoreDifferences=true');
  return {
    automated: { prune: true, selfHeal: true },
    syncOptions,
    retry: { limit: 5, backoff: { duration: '5s', factor: 2, maxDuration: '3m' } },
  };
}

/** Cascade-deletes an Application's resources when the Application leaves Git. */
export const resourcesFinalizer = 'resources-finalizer.argocd.argoproj.io';
