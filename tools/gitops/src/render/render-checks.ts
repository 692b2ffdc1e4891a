import { renderedRoot } from '@platform/config';
import type { RenderScope } from '@platform/core';
import { checkPolicy } from '@platform/policy';
import { validate } from '@platform/validate';
import { deliveryFindings, namespaceFindings } from '../check/delivery-check';
import { collectYamlFiles } from '../workspace/collect-yaml-files';
import { renderedCrdFiles } from '../workspace/rendered-crd-files';
import type { RenderCheck } from './render-pipeline';

/**
 * The checks every render runs in memory before writing, so that a render refuses what `gitops
 * check` would refuse: strict schema validation (always the embedded engine, so renders are
 * checked the same way everywhere, offline; custom resources against the CRDs rendered here, also
 * those of apps outside the render's scope), policy, and delivery (`deliveryRenderCheck`).
 */
export function renderChecks(root: string, scope: RenderScope = {}): RenderCheck[] {
  const crdSources = renderedCrdFiles(root);
  return [
    async (files) => (await validate(files, { crdSources, engine: 'embedded' })).findings,
    (files) => checkPolicy(files).findings,
    (files) => deliveryRenderCheck(root, scope, files),
  ];
}

/**
 * A whole render gets the whole delivery check, as `gitops check` runs it. A render of one app or
 * cluster cannot: the Applications of its new components are argocd-root's, rendered apart. It
 * gets the part that needs none, over its files and the rest of rendered/ as it is on disk: every
 * namespace its objects use is created on their cluster (or provided by it).
 */
function deliveryRenderCheck(root: string, scope: RenderScope, files: readonly RenderCheckFile[]) {
  if (!scope.app && !scope.cluster) return deliveryFindings(files);
  const inScope = (path: string) => {
    const [, cluster, app] = path.split('/');
    return (!scope.app || app === scope.app) && (!scope.cluster || cluster === scope.cluster);
  };
  const others = collectYamlFiles(root, [`${root}/${renderedRoot}`]).filter(
    (file) => !inScope(file.path),
  );
  return namespaceFindings([...files, ...others]).filter((finding) => inScope(finding.file));
}

type RenderCheckFile = Parameters<RenderCheck>[0][number];
