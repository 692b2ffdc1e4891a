import {
  closedObject,
  enumField,
  integerField,
  stringField,
  type ModelPackageFixes,
  type UpstreamSource,
} from './schema-fix';

/**
 * Where @kubernetes-models/karpenter 2.0.0 lags Karpenter v1.14.1, the release the platform runs.
 * Every fragment follows the v1.14.1 CRDs in aws/karpenter-provider-aws pkg/apis/crds/.
 */
const karpenter = (file: string, ...schemaPaths: string[]): UpstreamSource => ({
  repository: 'aws/karpenter-provider-aws',
  release: 'v1.14.1',
  file: `pkg/apis/crds/${file}`,
  schemaPaths,
});

const aws = (type: string) => `ComGithubAwsKarpenterProviderAwsPkgApisV1${type}`;
const sigs = (type: string) => `IoK8sSigsKarpenterPkgApisV1${type}`;

const modelOperators = enumField('DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn');

export const karpenterFixes: ModelPackageFixes = {
  modelPackage: '@kubernetes-models/karpenter',
  modelVersion: '2.0.0',
  fixes: [
    {
      kind: 'add-fields',
      definition: aws('EC2NodeClassSpec'),
      fields: {
        connectionTracking: closedObject({
          tcpEstablishedTimeout: integerField(),
          udpStreamTimeout: integerField(),
          udpTimeout: integerField(),
        }),
        cpuOptions: closedObject({ nestedVirtualization: enumField('enabled', 'disabled') }),
      },
      upstream: karpenter('karpenter.k8s.aws_ec2nodeclasses.yaml', 'spec'),
      note:
        'upstream also bounds the connectionTracking timeouts and requires at least one of them ' +
        '(a CEL rule); like every generated schema, this one leaves bounds and CEL to the API server',
    },
    {
      // Requirements of NodePool templates and NodeClaims: the v1.14.1 CRDs also allow Gte and Lte.
      kind: 'replace',
      definition: sigs('NodeSelectorRequirementWithMinValues'),
      field: 'operator',
      generated: modelOperators,
      replacement: enumField('Gte', 'Lte', 'In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'),
      upstream: karpenter('karpenter.sh_nodepools.yaml', 'spec.template.spec.requirements[]'),
    },
    {
      // The model types ConsolidationPolicy as a plain string; the CRD lists its values.
      kind: 'replace',
      definition: sigs('ConsolidationPolicy'),
      generated: stringField(),
      replacement: enumField('WhenEmpty', 'WhenEmptyOrUnderutilized', 'Balanced'),
      upstream: karpenter('karpenter.sh_nodepools.yaml', 'spec.disruption.consolidationPolicy'),
    },
    {
      // The model types InterfaceType as a plain string; the CRD lists its values.
      kind: 'replace',
      definition: aws('InterfaceType'),
      generated: stringField(),
      replacement: enumField('interface', 'efa-only'),
      upstream: karpenter(
        'karpenter.k8s.aws_ec2nodeclasses.yaml',
        'spec.networkInterfaces[].interfaceType',
      ),
    },
  ],
};
