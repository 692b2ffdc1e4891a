import { renderedRoot } from '@platform/config';
import { stringify } from 'yaml';

import { withConventionalKeyOrder } from '@platform/manifests';

export { generatedHeader, helmValuesHeader, parseHelmValuesHeader } from '@platform/manifests';

/** A file under rendered/, held in memory until every check has passed. */
export interface RenderedFile {
  /** Repository-relative POSIX path, e.g. `rendered/ci/karpenter/controller/values.yaml`. */
  path: string;
  content: string;
}

/** Identity of a Kubernetes resource: what ArgoCD and the API server key it by. */
export interface ResourceIdentity {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

export const helmValuesFileName = 'values.yaml';

/**
 * `<kind>-<namespace>-<name>.yaml` (or `<kind>-<name>.yaml` when cluster-scoped): readable,
 * stable for as long as the resource identity is, and independent of code structure.
 */
export function resourceFileName(identity: ResourceIdentity): string {
  const parts = [identity.kind.toLowerCase(), identity.namespace, identity.name].filter(Boolean);
  return `${parts.join('-')}.yaml`;
}

/**
 * YAML with fixed options: no line folding, no anchors; a Kubernetes object's keys in the
 * conventional order (libs/manifests `withConventionalKeyOrder`), other data in insertion order.
 * Strings that YAML 1.1 would read as something else (`yes`, `on`, `0755`) are quoted, because
 * Kubernetes and Helm read YAML the 1.1 way. The bytes depend only on the data, never on locale,
 * time zone or machine.
 */
export function toYaml(value: unknown): string {
  return stringify(withConventionalKeyOrder(value), {
    lineWidth: 0,
    minContentWidth: 0,
    aliasDuplicateObjects: false,
    indentSeq: true,
    compat: 'yaml-1.1',
  });
}

/** The directory of one component's files: `rendered/<cluster>/<app>/<component>`. */
export function componentDirectory(cluster: string, app: string, component: string): string {
  return `${renderedRoot}/${cluster}/${app}/${component}`;
}
