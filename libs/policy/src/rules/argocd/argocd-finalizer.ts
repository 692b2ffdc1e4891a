import { arrayOf, objectOf } from '../../document/json-value';
import type { ResourceRule } from '../policy-rule';
import { applicationKind } from './argocd-kinds';

/** Foreground and background cascade both delete the Application's resources with it. */
const cascadeFinalizers = [
  'resources-finalizer.argocd.argoproj.io',
  'resources-finalizer.argocd.argoproj.io/background',
];

export const argocdFinalizer: ResourceRule = {
  id: 'argocd-finalizer',
  severity: 'error',
  rationale:
    'Without the resources finalizer, deleting an Application from Git orphans everything it deployed, still running and unmanaged.',
  checks:
    'Every Application has `resources-finalizer.argocd.argoproj.io` (or its `/background` variant) in `metadata.finalizers`.',
  fix: 'Add `resourcesFinalizer` (apps/argocd-root) to `metadata.finalizers`.',
  exemption: 'resource',
  input: 'resource',
  appliesTo: applicationKind,
  check(application) {
    const finalizers = arrayOf(objectOf(application.object.metadata).finalizers);
    if (
      finalizers.some(
        (finalizer) => typeof finalizer === 'string' && cascadeFinalizers.includes(finalizer),
      )
    )
      return [];
    return [
      {
        path: ['metadata', 'finalizers'],
        message: `Application has no ${cascadeFinalizers[0]} finalizer, so deleting it orphans its resources`,
      },
    ];
  },
};
