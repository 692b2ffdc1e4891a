import { failing, file, passing, yaml, type RuleFixture } from '../../fixtures/rule-fixture';

const nodePoolPath = 'rendered/ci/karpenter/node-pools/nodepool-ci-jobs.yaml';

/** A NodePool that leaves memory limits, budgets and expiry to defaults. */
const looseNodePool = file(
  nodePoolPath,
  yaml`
    apiVersion: karpenter.sh/v1
    kind: NodePool
    metadata:
      name: ci-jobs
    spec:
      template:
        spec:
          nodeClassRef:
            group: karpenter.k8s.aws
            kind: EC2NodeClass
            name: ci-jobs
          requirements:
            - key: karpenter.sh/capacity-type
              operator: In
              values: [spot, on-demand]
      disruption:
        consolidationPolicy: WhenEmpty
        consolidateAfter: 5m
      limits:
        cpu: "1000"
  `,
);

const nodePoolsAndClass = [
  file(
    nodePoolPath,
    yaml`
      apiVersion: karpenter.sh/v1
      kind: NodePool
      metadata:
        name: ci-jobs
      spec:
        template:
          spec:
            nodeClassRef:
              group: karpenter.k8s.aws
              kind: EC2NodeClass
              name: ci-jobs
            expireAfter: 168h
            terminationGracePeriod: 3h
            requirements:
              - key: karpenter.sh/capacity-type
                operator: In
                values: [spot, on-demand]
        disruption:
          consolidationPolicy: WhenEmpty
          consolidateAfter: 5m
          budgets:
            - nodes: "10%"
              reasons: [Empty]
            - nodes: "0"
              reasons: [Underutilized, Drifted]
              schedule: "0 7 * * mon-fri"
              duration: 11h
        limits:
          cpu: "1000"
          memory: 4000Gi
    `,
  ),
  file(
    'rendered/ci/karpenter/node-pools/ec2nodeclass-ci-jobs.yaml',
    yaml`
      apiVersion: karpenter.k8s.aws/v1
      kind: EC2NodeClass
      metadata:
        name: ci-jobs
      spec:
        role: platform-ci-karpenter-node
        amiSelectorTerms:
          - alias: al2023@v20250505
        metadataOptions:
          httpEndpoint: enabled
          httpTokens: required
          httpPutResponseHopLimit: 1
    `,
  ),
];

/** The Karpenter controller with two alpha gates and one beta gate on, one alpha gate explained. */
const controllerPath = 'rendered/ci/karpenter/controller/deployment-kube-system-karpenter.yaml';
const controller = (annotations: string) =>
  file(
    controllerPath,
    yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: karpenter
        namespace: kube-system
      spec:
        selector:
          matchLabels:
            app: karpenter
        template:
          metadata:
            labels:
              app: karpenter
            annotations:
              ${annotations}
          spec:
            automountServiceAccountToken: false
            securityContext:
              runAsNonRoot: true
              seccompProfile:
                type: RuntimeDefault
            containers:
              - name: controller
                image: public.ecr.aws/karpenter/controller:1.14.1
                resources:
                  requests: { cpu: "1", memory: 1Gi }
                  limits: { memory: 1Gi }
                securityContext:
                  allowPrivilegeEscalation: false
                  capabilities:
                    drop: [ALL]
                env:
                  - name: FEATURE_GATES
                    value: ReservedCapacity=true,NodeRepair=false,NodeOverlay=true,CapacityBuffer=true
    `,
  );

export const karpenterFixtures: RuleFixture[] = [
  failing(
    'karpenter-nodepool-limits',
    'karpenter-nodepool-limits reports a NodePool without a memory limit',
    looseNodePool,
    [
      {
        line: 19,
        field: 'spec.limits.memory',
        message: 'NodePool sets no memory limit, so nothing caps how many nodes it launches',
      },
    ],
  ),
  passing(
    'karpenter-nodepool-limits',
    'karpenter-nodepool-limits accepts CPU and memory limits',
    nodePoolsAndClass,
  ),

  failing(
    'karpenter-nodepool-disruption-budgets',
    'karpenter-nodepool-disruption-budgets warns about a NodePool left on the implicit budget',
    looseNodePool,
    [
      {
        line: 16,
        field: 'spec.disruption.budgets',
        message: 'NodePool sets no disruption budgets, so the implicit 10% applies at all hours',
      },
    ],
  ),
  passing(
    'karpenter-nodepool-disruption-budgets',
    'karpenter-nodepool-disruption-budgets accepts budgets per disruption reason',
    nodePoolsAndClass,
  ),

  failing(
    'karpenter-nodepool-expire-after',
    'karpenter-nodepool-expire-after warns when spec.template.spec.expireAfter is left to the default',
    looseNodePool,
    [
      {
        line: 7,
        field: 'spec.template.spec.expireAfter',
        message: 'NodePool does not set expireAfter, so nodes live for the implicit default (720h)',
      },
    ],
  ),
  passing(
    'karpenter-nodepool-expire-after',
    'karpenter-nodepool-expire-after accepts an explicit node lifetime',
    nodePoolsAndClass,
  ),

  failing(
    'karpenter-imdsv2',
    'karpenter-imdsv2 reports IMDSv1 allowed, and a hop limit or metadata options left to defaults',
    file(
      'rendered/ci/karpenter/node-pools/ec2nodeclasses.yaml',
      yaml`
        apiVersion: karpenter.k8s.aws/v1
        kind: EC2NodeClass
        metadata:
          name: ci-jobs
        spec:
          role: platform-ci-karpenter-node
          amiSelectorTerms:
            - alias: al2023@v20250505
          metadataOptions:
            httpTokens: optional
        ---
        apiVersion: karpenter.k8s.aws/v1
        kind: EC2NodeClass
        metadata:
          name: ci-privileged
        spec:
          role: platform-ci-karpenter-node
          amiSelectorTerms:
            - alias: al2023@v20250505
          metadataOptions:
            httpTokens: required
            httpPutResponseHopLimit: 2
        ---
        apiVersion: karpenter.k8s.aws/v1
        kind: EC2NodeClass
        metadata:
          name: ci-arm64
        spec:
          role: platform-ci-karpenter-node
      `,
    ),
    [
      {
        line: 9,
        field: 'spec.metadataOptions.httpPutResponseHopLimit',
        message: 'EC2NodeClass does not set metadataOptions.httpPutResponseHopLimit: 1',
      },
      {
        line: 10,
        field: 'spec.metadataOptions.httpTokens',
        message: 'EC2NodeClass sets metadataOptions.httpTokens: optional, which allows IMDSv1',
      },
      {
        line: 22,
        field: 'spec.metadataOptions.httpPutResponseHopLimit',
        message:
          "EC2NodeClass sets metadataOptions.httpPutResponseHopLimit: 2, which lets pods reach the node's credentials",
      },
      {
        line: 28,
        field: 'spec.metadataOptions.httpPutResponseHopLimit',
        message: 'EC2NodeClass does not set metadataOptions.httpPutResponseHopLimit: 1',
      },
      {
        line: 28,
        field: 'spec.metadataOptions.httpTokens',
        message: 'EC2NodeClass does not set metadataOptions.httpTokens: required',
      },
    ],
  ),
  passing(
    'karpenter-imdsv2',
    'karpenter-imdsv2 accepts IMDSv2 with hop limit 1 written out',
    nodePoolsAndClass,
  ),

  failing(
    'karpenter-alpha-feature-gate',
    'karpenter-alpha-feature-gate reports an alpha gate turned on without a reason, not a beta one or a gate left off',
    controller(
      'policy.platform/alpha-feature-gate.NodeOverlay: Graviton first for multi-arch jobs',
    ),
    [
      {
        line: 34,
        field: 'spec.template.spec.containers[0].env[0].value',
        message:
          'container "controller" turns on the alpha feature gate CapacityBuffer without a reason: annotate the pod template with policy.platform/alpha-feature-gate.CapacityBuffer: <why>',
      },
    ],
  ),
  passing(
    'karpenter-alpha-feature-gate',
    'karpenter-alpha-feature-gate accepts alpha gates that each carry a reason',
    controller(
      'policy.platform/alpha-feature-gate.NodeOverlay: Graviton first for multi-arch jobs\n              policy.platform/alpha-feature-gate.CapacityBuffer: warm headroom in working hours',
    ),
  ),
];
