import type { Finding } from '@platform/manifests';
import type { IdentifiedResource } from '../resources/identified-resource';
import { entryFinding } from '../resources/resource-entry';
import type { CelEvaluator } from '../validation-context';
import type { CrdVersionSchema } from './crd-versions';

/** The CEL rules of the resource's CRD version that it breaks, located in its source. */
export function celFindings(
  resource: IdentifiedResource,
  crd: CrdVersionSchema,
  cel: CelEvaluator,
): Finding[] {
  return cel.violations(crd.openApi, resource.entry.value).map((violation) =>
    entryFinding(resource.entry, {
      path: violation.path,
      message: `${violation.message} (CEL rule of ${crd.source})`,
      rule: 'cel',
    }),
  );
}
