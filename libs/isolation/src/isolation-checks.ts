import type { Finding } from '@platform/manifests';
import { checkNodeReachability } from './reachability/check-node-reachability';
import { renderedObjects, type RenderedFile } from './rendered/rendered-objects';
import { checkSecretStoreScope } from './secret-store/check-secret-store-scope';

/**
 * Every isolation check over the rendered files, parsed once: what a privileged node holds, and
 * which namespaces the secret store serves.
 */
export function checkIsolation(files: readonly RenderedFile[]): Finding[] {
  const objects = renderedObjects(files);
  return [...checkNodeReachability(objects), ...checkSecretStoreScope(objects)];
}
