import { renderedRoot } from '@platform/config';
import { stringify } from 'yaml';

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
 * YAML with fixed options: no line folding, no anchors, insertion-ordered keys. The bytes depend
 * only on the data, never on locale, time zone or machine.
 */
export function toYaml(value: unknown): string {
  return stringify(value, {
    lineWidth: 0,
    minContentWidth: 0,
    aliasDuplicateObjects: false,
    indentSeq: true,
  });
}

/** The directory of one component's files: `rendered/<cluster>/<app>/<component>`. */
export function componentDirectory(cluster: string, app: string, component: string): string {
  return `${renderedRoot}/${cluster}/${app}/${component}`;
}
