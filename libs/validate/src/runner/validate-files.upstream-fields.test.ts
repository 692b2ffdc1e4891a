import { describe, expect, it } from 'vitest';
import { validateFiles } from './validate-files';

/**
 * Fields and enum values that Argo CD v3.5.1 and Karpenter v1.14.1 accept but the model packages
 * lack; the schemas get them from the reviewed fixes in tools/schemas/src/fixes/. Each manifest
 * must validate, and a misspelt or wrong value in the same place must still fail: the fixed
 * objects stay closed.
 */
interface UpstreamFieldCase {
  name: string;
  passing: string;
  /** A replacement in `passing` that makes it wrong. */
  breakWith: [string, string];
  /** The findings of the broken manifest. */
  expected: { line: number; column: number; field: string; message: string }[];
}

const application = (spec: string) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: web
  namespace: argocd
spec:
  project: default
  destination:
    name: ci
    namespace: web
${spec}`;

const appProject = (spec: string) => `apiVersion: argoproj.io/v1alpha1
kind: AppProject
metadata:
  name: web
  namespace: argocd
spec:
  sourceRepos:
    - https://gitlab.example.com/platform/web.git
${spec}`;

const applicationSet = (spec: string) => `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: services
  namespace: argocd
spec:
${spec}  template:
    metadata:
      name: '{{repository}}'
    spec:
      project: default
      destination:
        name: ci
        namespace: '{{repository}}'
      source:
        repoURL: '{{url}}'
        path: deploy
`;

const ec2NodeClass = (spec: string) => `apiVersion: karpenter.k8s.aws/v1
kind: EC2NodeClass
metadata:
  name: default
spec:
  role: KarpenterNodeRole-ci
  amiSelectorTerms:
    - alias: al2023@latest
  subnetSelectorTerms:
    - tags:
        karpenter.sh/discovery: ci
  securityGroupSelectorTerms:
    - tags:
        karpenter.sh/discovery: ci
${spec}`;

const nodePool = (requirement: string, disruption = '') => `apiVersion: karpenter.sh/v1
kind: NodePool
metadata:
  name: default
spec:
  template:
    spec:
      nodeClassRef:
        group: karpenter.k8s.aws
        kind: EC2NodeClass
        name: default
      requirements:
${requirement}${disruption}`;

const cases: UpstreamFieldCase[] = [
  {
    name: 'Application spec.source.tagPrefix',
    passing: application(
      '  source:\n    repoURL: https://gitlab.example.com/platform/mono.git\n    path: deploy/web\n    targetRevision: 1.0.*\n    tagPrefix: web/\n',
    ),
    breakWith: ['tagPrefix', 'tagPrefx'],
    expected: [
      {
        line: 15,
        column: 5,
        field: 'spec.source.tagPrefx',
        message: 'unknown field "tagPrefx"',
      },
    ],
  },
  {
    name: 'Application spec.sources[].tagPrefix',
    passing: application(
      '  sources:\n    - repoURL: https://gitlab.example.com/platform/mono.git\n      path: deploy/web\n      targetRevision: 1.0.*\n      tagPrefix: web/\n',
    ),
    breakWith: ['tagPrefix', 'tag_prefix'],
    expected: [
      {
        line: 15,
        column: 7,
        field: 'spec.sources[0].tag_prefix',
        message: 'unknown field "tag_prefix"',
      },
    ],
  },
  {
    name: 'Application spec.sourceHydrator.syncSource.repoURL',
    passing: application(
      '  sourceHydrator:\n    drySource:\n      repoURL: https://gitlab.example.com/platform/dry.git\n      path: web\n      targetRevision: main\n    syncSource:\n      repoURL: https://gitlab.example.com/platform/hydrated.git\n      targetBranch: environments/ci\n      path: web\n',
    ),
    breakWith: [
      '      repoURL: https://gitlab.example.com/platform/hydrated',
      '      repoUrl: https://gitlab.example.com/platform/hydrated',
    ],
    expected: [
      {
        line: 17,
        column: 7,
        field: 'spec.sourceHydrator.syncSource.repoUrl',
        message: 'unknown field "repoUrl"',
      },
    ],
  },
  {
    name: 'AppProject spec.sourceIntegrity (closed at every level, required fields as upstream)',
    passing: appProject(
      '  sourceIntegrity:\n    git:\n      policies:\n        - repos:\n            - url: https://gitlab.example.com/platform/*\n          gpg:\n            mode: strict\n            keys:\n              - 4AEE18F83AFDEB23\n',
    ),
    breakWith: ['            mode: strict\n', ''],
    expected: [
      {
        line: 14,
        column: 11,
        field: 'spec.sourceIntegrity.git.policies[0].gpg.mode',
        message: 'missing required field "mode"',
      },
    ],
  },
  {
    name: 'AppProject spec.sourceIntegrity, misspelt (so its required url is missing too)',
    passing: appProject(
      '  sourceIntegrity:\n    git:\n      policies:\n        - repos:\n            - url: https://gitlab.example.com/platform/*\n          gpg:\n            mode: strict\n            keys:\n              - 4AEE18F83AFDEB23\n',
    ),
    breakWith: ['- url:', '- uri:'],
    expected: [
      {
        line: 13,
        column: 15,
        field: 'spec.sourceIntegrity.git.policies[0].repos[0].url',
        message: 'missing required field "url"',
      },
      {
        line: 13,
        column: 15,
        field: 'spec.sourceIntegrity.git.policies[0].repos[0].uri',
        message: 'unknown field "uri"',
      },
    ],
  },
  {
    name: 'AppProject spec.syncWindows[].syncOverrun',
    passing: appProject(
      "  syncWindows:\n    - kind: deny\n      schedule: '0 22 * * *'\n      duration: 8h\n      applications: ['*']\n      syncOverrun: true\n",
    ),
    breakWith: ['syncOverrun: true', 'syncOverrun: "yes"'],
    expected: [
      {
        line: 14,
        column: 20,
        field: 'spec.syncWindows[0].syncOverrun',
        message: 'must be boolean, got string',
      },
    ],
  },
  {
    name: 'ApplicationSet SCM provider github.excludeArchivedRepos, and applicationsSync values',
    passing: applicationSet(
      '  generators:\n    - scmProvider:\n        github:\n          organization: example\n          excludeArchivedRepos: true\n  syncPolicy:\n    applicationsSync: create-update\n',
    ),
    breakWith: ['excludeArchivedRepos', 'excludeArchivedRepo'],
    expected: [
      {
        line: 11,
        column: 11,
        field: 'spec.generators[0].scmProvider.github.excludeArchivedRepo',
        message: 'unknown field "excludeArchivedRepo"',
      },
    ],
  },
  {
    name: 'ApplicationSet spec.syncPolicy.applicationsSync outside the upstream values',
    passing: applicationSet(
      '  generators: []\n  syncPolicy:\n    applicationsSync: create-update\n',
    ),
    breakWith: ['create-update', 'update-only'],
    expected: [
      {
        line: 9,
        column: 23,
        field: 'spec.syncPolicy.applicationsSync',
        message:
          'must be one of: create-only, create-update, create-delete, sync (got "update-only")',
      },
    ],
  },
  {
    name: 'EC2NodeClass spec.cpuOptions.nestedVirtualization',
    passing: ec2NodeClass('  cpuOptions:\n    nestedVirtualization: enabled\n'),
    breakWith: ['nestedVirtualization: enabled', 'nestedVirtualization: "on"'],
    expected: [
      {
        line: 16,
        column: 27,
        field: 'spec.cpuOptions.nestedVirtualization',
        message: 'must be one of: enabled, disabled (got "on")',
      },
    ],
  },
  {
    name: 'EC2NodeClass spec.connectionTracking',
    passing: ec2NodeClass(
      '  connectionTracking:\n    tcpEstablishedTimeout: 3600\n    udpTimeout: 30\n',
    ),
    breakWith: ['tcpEstablishedTimeout: 3600', 'tcpEstablishedTimeout: 1h'],
    expected: [
      {
        line: 16,
        column: 28,
        field: 'spec.connectionTracking.tcpEstablishedTimeout',
        message: 'must be integer, got string',
      },
    ],
  },
  {
    name: 'EC2NodeClass spec.connectionTracking, misspelt',
    passing: ec2NodeClass('  connectionTracking:\n    udpStreamTimeout: 120\n'),
    breakWith: ['udpStreamTimeout', 'udpStreamTimout'],
    expected: [
      {
        line: 16,
        column: 5,
        field: 'spec.connectionTracking.udpStreamTimout',
        message: 'unknown field "udpStreamTimout"',
      },
    ],
  },
  {
    name: 'NodePool requirement operator Gte (in the Karpenter v1.14.1 CRD, not in the model)',
    passing: nodePool(
      "        - key: karpenter.k8s.aws/instance-generation\n          operator: Gte\n          values: ['6']\n",
    ),
    breakWith: ['operator: Gte', 'operator: Ge'],
    expected: [
      {
        line: 14,
        column: 21,
        field: 'spec.template.spec.requirements[0].operator',
        message: 'must be one of: Gte, Lte, In, NotIn, Exists, DoesNotExist, Gt, Lt (got "Ge")',
      },
    ],
  },
  {
    name: 'NodePool spec.disruption.consolidationPolicy outside the upstream values',
    passing: nodePool(
      '        - key: kubernetes.io/arch\n          operator: In\n          values: [amd64]\n',
      '  disruption:\n    consolidationPolicy: WhenEmptyOrUnderutilized\n    consolidateAfter: 5m\n',
    ),
    breakWith: ['WhenEmptyOrUnderutilized', 'WhenUnderutilized'],
    expected: [
      {
        line: 17,
        column: 26,
        field: 'spec.disruption.consolidationPolicy',
        message:
          'must be one of: WhenEmpty, WhenEmptyOrUnderutilized, Balanced (got "WhenUnderutilized")',
      },
    ],
  },
];

describe('validateFiles: upstream fields the model packages lack (tools/schemas/src/fixes/)', () => {
  for (const testCase of cases) {
    it(`${testCase.name}: validates, and fails when broken`, () => {
      const passing = validateFiles([{ path: 'case/passing.yaml', content: testCase.passing }]);
      expect(passing.findings).toEqual([]);

      const [from, to] = testCase.breakWith;
      expect(testCase.passing).toContain(from);
      const failing = validateFiles([
        { path: 'case/failing.yaml', content: testCase.passing.replace(from, to) },
      ]);
      expect(failing.findings).toEqual(
        testCase.expected.map((finding) =>
          expect.objectContaining({
            file: 'case/failing.yaml',
            severity: 'error',
            rule: 'schema',
            ...finding,
          }),
        ),
      );
    });
  }
});
