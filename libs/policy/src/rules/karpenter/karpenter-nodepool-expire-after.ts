import { valueAtPath } from '../../document/json-value';
import type { ResourceRule } from '../policy-rule';
import { nodePoolKind } from './karpenter-kinds';

export const karpenterNodepoolExpireAfter: ResourceRule = {
  id: 'karpenter-nodepool-expire-after',
  severity: 'warning',
  rationale:
    'Node lifetime decides how fast AMI patches roll out and when running jobs are drained; it must be a reviewed choice, not a default.',
  checks:
    'Every NodePool sets `spec.template.spec.expireAfter` (the karpenter.sh/v1 place; a duration such as `168h`, or `Never`).',
  fix: 'Set `expireAfter` explicitly, with `terminationGracePeriod` at least as long as the longest job, so expiry drains nodes without killing jobs.',
  exemption: 'resource',
  input: 'resource',
  appliesTo: nodePoolKind,
  check(nodePool) {
    const path = ['spec', 'template', 'spec', 'expireAfter'];
    if (valueAtPath(nodePool.object, path) !== undefined) return [];
    return [
      {
        path,
        message: 'NodePool does not set expireAfter, so nodes live for the implicit default (720h)',
      },
    ];
  },
};
