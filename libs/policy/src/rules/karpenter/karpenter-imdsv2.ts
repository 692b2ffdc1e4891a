import { objectOf, valueAtPath } from '../../document/json-value';
import type { ResourceRule, RuleViolation } from '../policy-rule';
import { ec2NodeClassKind } from './karpenter-kinds';

const metadataOptionsPath = ['spec', 'metadataOptions'];

export const karpenterImdsv2: ResourceRule = {
  id: 'karpenter-imdsv2',
  severity: 'error',
  rationale:
    "With IMDSv2 and a hop limit of 1, pods cannot fetch the node role's credentials from the instance metadata service.",
  checks:
    'Every EC2NodeClass sets `spec.metadataOptions.httpTokens: required` and `spec.metadataOptions.httpPutResponseHopLimit: 1` explicitly (the same as the defaults, written out so a change to them is a reviewed diff).',
  fix: 'Set both fields in `metadataOptions`. Workloads that need AWS access use IRSA or EKS Pod Identity, never the node role.',
  exemption: 'resource',
  input: 'resource',
  appliesTo: ec2NodeClassKind,
  check(nodeClass) {
    const options = objectOf(valueAtPath(nodeClass.object, metadataOptionsPath));
    const violations: RuleViolation[] = [];
    if (options.httpTokens !== 'required') {
      violations.push({
        path: [...metadataOptionsPath, 'httpTokens'],
        message:
          options.httpTokens === undefined
            ? 'EC2NodeClass does not set metadataOptions.httpTokens: required'
            : `EC2NodeClass sets metadataOptions.httpTokens: ${String(options.httpTokens)}, which allows IMDSv1`,
      });
    }
    if (options.httpPutResponseHopLimit !== 1) {
      violations.push({
        path: [...metadataOptionsPath, 'httpPutResponseHopLimit'],
        message:
          options.httpPutResponseHopLimit === undefined
            ? 'EC2NodeClass does not set metadataOptions.httpPutResponseHopLimit: 1'
            : `EC2NodeClass sets metadataOptions.httpPutResponseHopLimit: ${String(options.httpPutResponseHopLimit)}, which lets pods reach the node's credentials`,
      });
    }
    return violations;
  },
};
