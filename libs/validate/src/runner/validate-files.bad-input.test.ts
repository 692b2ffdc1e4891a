import { describe, expect, it } from 'vitest';
import type { Finding } from '@platform/manifests';
import type { SkippedKind } from '../config/skipped-kinds';
import { validateFiles } from './validate-files';

/**
 * For every class of error: a failing input with the exact finding expected (rule, file, line,
 * column, field path, message) and a passing input that differs only in the offending part.
 */
interface BadInputCase {
  name: string;
  failing: string;
  expected: Pick<Finding, 'rule' | 'line' | 'column' | 'field'> & { message: string | RegExp };
  passing: string;
  skippedKinds?: SkippedKind[];
}

const deployment = (spec: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
${spec}`;

const container = `      containers:
        - name: app
          image: nginx:1.27
`;

const configMap = (metadata: string, extra = '') => `apiVersion: v1
kind: ConfigMap
metadata:
${metadata}${extra}`;

const cases: BadInputCase[] = [
  {
    name: 'YAML syntax error',
    failing: configMap('  name: a\n', 'data: {a: 1\n'),
    // The parser notices the unclosed flow map at the end of the input.
    expected: {
      rule: 'yaml',
      line: 6,
      column: 1,
      field: '',
      message: /^YAML: Flow map .* must .* end with a \}/,
    },
    passing: configMap('  name: a\n', 'data: {a: "1"}\n'),
  },
  {
    name: 'duplicate key',
    failing: configMap('  name: a\n  name: b\n'),
    expected: {
      rule: 'duplicate-key',
      line: 5,
      column: 3,
      field: '',
      message: /^YAML: duplicate key "name": it is already set in this mapping/,
    },
    passing: configMap('  name: a\n'),
  },
  {
    name: 'missing apiVersion',
    failing: 'kind: ConfigMap\nmetadata:\n  name: a\n',
    expected: {
      rule: 'type-meta',
      line: 1,
      column: 1,
      field: 'apiVersion',
      message: 'missing required field "apiVersion"',
    },
    passing: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n',
  },
  {
    name: 'kind without a value',
    failing: 'apiVersion: v1\nkind:\nmetadata:\n  name: a\n',
    expected: {
      rule: 'type-meta',
      line: 2,
      column: 1,
      field: 'kind',
      message: 'kind must be a non-empty string, got null',
    },
    passing: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n',
  },
  {
    name: 'document that is not a mapping',
    failing: '- apiVersion: v1\n  kind: ConfigMap\n',
    expected: {
      rule: 'type-meta',
      line: 1,
      column: 1,
      field: '',
      message: /^a Kubernetes resource must be a mapping .*got array$/,
    },
    passing: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n',
  },
  {
    name: 'unknown field in spec',
    failing: deployment(container).replace(
      'spec:\n  selector',
      'spec:\n  replicass: 2\n  selector',
    ),
    expected: {
      rule: 'schema',
      line: 7,
      column: 3,
      field: 'spec.replicass',
      message: 'unknown field "replicass"',
    },
    passing: deployment(container).replace('spec:\n  selector', 'spec:\n  replicas: 2\n  selector'),
  },
  {
    name: 'unknown field deep in a list item',
    failing: deployment(`${container}          imagePullPolicyy: Always\n`),
    expected: {
      rule: 'schema',
      line: 18,
      column: 11,
      field: 'spec.template.spec.containers[0].imagePullPolicyy',
      message: 'unknown field "imagePullPolicyy"',
    },
    passing: deployment(`${container}          imagePullPolicy: Always\n`),
  },
  {
    name: 'wrong type',
    failing: deployment(container).replace(
      'spec:\n  selector',
      'spec:\n  replicas: "2"\n  selector',
    ),
    expected: {
      rule: 'schema',
      line: 7,
      column: 13,
      field: 'spec.replicas',
      message: 'must be integer, got string',
    },
    passing: deployment(container).replace('spec:\n  selector', 'spec:\n  replicas: 2\n  selector'),
  },
  {
    name: 'missing required field',
    failing: deployment('      restartPolicy: Always\n'),
    expected: {
      rule: 'schema',
      line: 14,
      column: 5,
      field: 'spec.template.spec.containers',
      message: 'missing required field "containers"',
    },
    passing: deployment(`${container}      restartPolicy: Always\n`),
  },
  {
    name: 'required field set to null (null counts as absent, as the API server reads it)',
    failing: deployment('      containers: null\n'),
    expected: {
      rule: 'schema',
      line: 14,
      column: 5,
      field: 'spec.template.spec.containers',
      message: 'missing required field "containers"',
    },
    passing: deployment(container).replace(
      '  namespace: shop',
      '  namespace: shop\n  creationTimestamp: null',
    ),
  },
  {
    name: 'value outside an enum',
    failing: deployment(`${container}          imagePullPolicy: Sometimes\n`),
    expected: {
      rule: 'schema',
      line: 18,
      column: 28,
      field: 'spec.template.spec.containers[0].imagePullPolicy',
      message: 'must be one of: Always, IfNotPresent, Never (got "Sometimes")',
    },
    passing: deployment(`${container}          imagePullPolicy: IfNotPresent\n`),
  },
  {
    name: 'object name that is not an RFC 1123 subdomain',
    failing: configMap('  name: My_Config\n'),
    expected: {
      rule: 'object-name',
      line: 4,
      column: 9,
      field: 'metadata.name',
      message: /^ConfigMap name "My_Config" must be a lowercase RFC 1123 subdomain/,
    },
    passing: configMap('  name: my-config.v2\n'),
  },
  {
    name: 'Namespace name that is a subdomain but not a DNS label',
    failing: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team.a\n',
    expected: {
      rule: 'object-name',
      line: 4,
      column: 9,
      field: 'metadata.name',
      message: /^Namespace name "team\.a" must be a lowercase RFC 1123 label/,
    },
    passing: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\n',
  },
  {
    name: 'Service name starting with a digit (RFC 1035)',
    failing: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: 1web\n  namespace: shop\n',
    expected: {
      rule: 'object-name',
      line: 4,
      column: 9,
      field: 'metadata.name',
      message: /^Service name "1web" must be an RFC 1035 label/,
    },
    passing: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web1\n  namespace: shop\n',
  },
  {
    name: 'RBAC name with a slash (RBAC names are path segments, so colons are fine)',
    failing:
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: team/reader\n',
    expected: {
      rule: 'object-name',
      line: 4,
      column: 9,
      field: 'metadata.name',
      message: 'ClusterRole name "team/reader" may not contain "/"',
    },
    passing:
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: system:controller:reader\n',
  },
  {
    name: 'CronJob name longer than 52 characters',
    failing: `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: ${'a'.repeat(53)}\n  namespace: ops\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: job\n              image: busybox\n`,
    expected: {
      rule: 'object-name',
      line: 4,
      column: 9,
      field: 'metadata.name',
      message: /must be no more than 52 characters for a CronJob/,
    },
    passing: `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: ${'a'.repeat(52)}\n  namespace: ops\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: job\n              image: busybox\n`,
  },
  {
    name: 'no name (generateName would do)',
    failing: configMap('  namespace: shop\n'),
    expected: {
      rule: 'object-name',
      line: 3,
      column: 1,
      field: 'metadata.name',
      message: 'missing required field "name"',
    },
    passing: configMap('  generateName: settings-\n  namespace: shop\n'),
  },
  {
    name: 'metadata.namespace that is not a DNS label',
    failing: configMap('  name: a\n  namespace: Shop\n'),
    expected: {
      rule: 'object-name',
      line: 5,
      column: 14,
      field: 'metadata.namespace',
      message: /^namespace "Shop" must be a lowercase RFC 1123 label/,
    },
    passing: configMap('  name: a\n  namespace: shop\n'),
  },
  {
    name: 'label value YAML reads as a number',
    failing: configMap('  name: a\n  labels:\n    version: 1.0\n'),
    expected: {
      rule: 'labels',
      line: 6,
      column: 14,
      field: 'metadata.labels.version',
      message: 'label value must be a string, got integer; quote it so YAML keeps it a string',
    },
    passing: configMap('  name: a\n  labels:\n    version: "1.0"\n'),
  },
  {
    name: 'label key with an invalid prefix',
    failing: configMap('  name: a\n  labels:\n    Example.com/team: shop\n'),
    expected: {
      rule: 'labels',
      line: 6,
      column: 5,
      field: 'metadata.labels["Example.com/team"]',
      message:
        /^label key "Example\.com\/team": prefix part must be a lowercase RFC 1123 subdomain/,
    },
    passing: configMap('  name: a\n  labels:\n    example.com/team: shop\n'),
  },
  {
    name: 'label value with a space',
    failing: configMap('  name: a\n  labels:\n    team: online shop\n'),
    expected: {
      rule: 'labels',
      line: 6,
      column: 11,
      field: 'metadata.labels.team',
      message: /^label value "online shop" must be empty or consist of letters/,
    },
    passing: configMap('  name: a\n  labels:\n    team: online-shop\n'),
  },
  {
    name: 'annotation value YAML reads as a boolean',
    failing: configMap('  name: a\n  annotations:\n    example.com/enabled: true\n'),
    expected: {
      rule: 'annotations',
      line: 6,
      column: 26,
      field: 'metadata.annotations["example.com/enabled"]',
      message:
        'annotation value must be a string, got boolean; unquoted yes, no, on, off, y, n, true and false are booleans to Kubernetes’ YAML reader (YAML 1.1): quote it to keep it a string',
    },
    passing: configMap('  name: a\n  annotations:\n    example.com/enabled: "true"\n'),
  },
  {
    name: 'annotation key with two slashes',
    failing: configMap('  name: a\n  annotations:\n    example.com/a/b: x\n'),
    expected: {
      rule: 'annotations',
      line: 6,
      column: 5,
      field: 'metadata.annotations["example.com/a/b"]',
      message: /^annotation key "example\.com\/a\/b": must be a name with at most one "\/"/,
    },
    passing: configMap('  name: a\n  annotations:\n    example.com/a-b: x\n'),
  },
  {
    name: 'annotations over 256 KiB in total',
    failing: configMap(
      `  name: a\n  annotations:\n    example.com/blob: ${'x'.repeat(256 * 1024)}\n`,
    ),
    expected: {
      rule: 'annotations',
      line: 5,
      column: 3,
      field: 'metadata.annotations',
      message: /^annotations total 262160 bytes; Kubernetes allows at most 262144$/,
    },
    passing: configMap(`  name: a\n  annotations:\n    example.com/blob: ${'x'.repeat(1024)}\n`),
  },
  {
    name: 'kind without a schema',
    failing: 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: a\n',
    expected: {
      rule: 'schema-missing',
      line: 2,
      column: 7,
      field: 'kind',
      message: /^no schema for example\.com\/v1 Widget: add its model to tools\/schemas/,
    },
    passing: 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: a\n',
    skippedKinds: [
      {
        apiVersion: 'example.com/v1',
        kind: 'Widget',
        reason: 'test: a kind listed as skipped is validated without a schema',
      },
    ],
  },
  {
    name: 'known kind in an API version without a schema',
    failing: deployment(container).replace('apps/v1', 'apps/v2'),
    expected: {
      rule: 'schema-missing',
      line: 2,
      column: 7,
      field: 'kind',
      message: /^no schema for apps\/v2 Deployment \(schemas exist for Deployment in apps\/v1\)/,
    },
    passing: deployment(container),
  },
  {
    name: 'kind in an API version Kubernetes removed',
    failing: deployment(container).replace('apps/v1', 'apps/v1beta2'),
    expected: {
      rule: 'schema-missing',
      line: 2,
      column: 7,
      field: 'kind',
      message:
        'apps/v1beta2 Deployment is no longer served: Kubernetes 1.16 removed it; use apps/v1',
    },
    passing: deployment(container),
  },
  {
    name: 'Ingress in extensions/v1beta1',
    failing:
      'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: web\n  namespace: shop\nspec: {}\n',
    expected: {
      rule: 'schema-missing',
      line: 2,
      column: 7,
      field: 'kind',
      message:
        'extensions/v1beta1 Ingress is no longer served: Kubernetes 1.22 removed it; use networking.k8s.io/v1',
    },
    passing:
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  namespace: shop\nspec: {}\n',
  },
  {
    name: 'error inside an item of a typed list whose items leave out apiVersion and kind',
    failing:
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleList\nitems:\n  - metadata:\n      name: a\n      namespace: b\n    rulez: []\n',
    expected: {
      rule: 'schema',
      line: 7,
      column: 5,
      field: 'rulez',
      message: 'unknown field "rulez"',
    },
    passing:
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleList\nitems:\n  - metadata:\n      name: a\n      namespace: b\n    rules: []\n',
  },
  {
    name: 'unknown field of a List wrapper',
    failing: 'apiVersion: v1\nkind: List\nitemz: []\nitems: []\n',
    expected: {
      rule: 'schema',
      line: 3,
      column: 1,
      field: 'itemz',
      message: 'unknown field "itemz"',
    },
    passing: 'apiVersion: v1\nkind: List\nitems: []\n',
  },
  {
    name: 'label value that Kubernetes reads as a YAML 1.1 boolean',
    failing: configMap('  name: a\n  labels:\n    enabled: yes\n'),
    expected: {
      rule: 'labels',
      line: 6,
      column: 14,
      field: 'metadata.labels.enabled',
      message: /^label value must be a string, got boolean; unquoted yes, no, on, off/,
    },
    passing: configMap('  name: a\n  labels:\n    enabled: "yes"\n'),
  },
  {
    name: 'data value that Kubernetes reads as a YAML 1.1 boolean (`on`)',
    failing: configMap('  name: a\n', 'data:\n  feature: on\n'),
    expected: {
      rule: 'schema',
      line: 6,
      column: 12,
      field: 'data.feature',
      message:
        /^must be string, got boolean; unquoted yes, no, on, off, y, n, true and false are booleans to Kubernetes’ YAML reader \(YAML 1\.1\): quote it/,
    },
    passing: configMap('  name: a\n', "data:\n  feature: 'on'\n"),
  },
  {
    name: 'object over the 1 MiB the API server accepts',
    failing: configMap('  name: a\n', `data:\n  big: ${'x'.repeat(1024 * 1024)}\n`),
    expected: {
      rule: 'object-size',
      line: 1,
      column: 1,
      field: '',
      message:
        /^object is 1048\d{3} bytes as JSON; Kubernetes accepts at most 1048576 \(1 MiB\) per object/,
    },
    passing: configMap('  name: a\n', `data:\n  big: ${'x'.repeat(1000 * 1000)}\n`),
  },
  {
    name: 'object over 1 MiB only once its aliases are expanded (a small file)',
    failing: configMap(
      '  name: a\n',
      `data:\n  seed: &s ${'x'.repeat(20_000)}\n${Array.from({ length: 60 }, (_, i) => `  copy${i}: *s\n`).join('')}`,
    ),
    expected: {
      rule: 'object-size',
      line: 1,
      column: 1,
      field: '',
      message: /^object is 12\d{5} bytes as JSON; Kubernetes accepts at most 1048576/,
    },
    passing: configMap(
      '  name: a\n',
      `data:\n  seed: &s ${'x'.repeat(20_000)}\n${Array.from({ length: 40 }, (_, i) => `  copy${i}: *s\n`).join('')}`,
    ),
  },
  {
    name: 'alias bomb',
    failing:
      'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
    expected: { rule: 'yaml', line: 1, column: 1, field: '', message: /^YAML: .*alias/i },
    passing: configMap('  name: a\n'),
  },
  {
    name: 'error inside an item of a List',
    failing:
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: a\n    dataa: {}\n',
    expected: {
      rule: 'schema',
      line: 8,
      column: 5,
      field: 'dataa',
      message: 'unknown field "dataa"',
    },
    passing:
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: a\n    data: {}\n',
  },
];

describe('validateFiles: every class of error is reported with its file, line, column and field', () => {
  for (const testCase of cases) {
    it(`${testCase.name}: fails where expected, and the fixed input passes`, () => {
      const failing = validateFiles([{ path: 'case/failing.yaml', content: testCase.failing }], {
        skippedKinds: [],
      });
      const { message, ...location } = testCase.expected;
      const match = failing.findings.find(
        (f) => f.rule === location.rule && f.field === location.field,
      );
      expect(match, JSON.stringify(failing.findings, null, 2)).toMatchObject({
        file: 'case/failing.yaml',
        severity: 'error',
        ...location,
      });
      if (typeof message === 'string') expect(match!.message).toBe(message);
      else expect(match!.message).toMatch(message);

      const passing = validateFiles([{ path: 'case/passing.yaml', content: testCase.passing }], {
        skippedKinds: testCase.skippedKinds ?? [],
      });
      expect(passing.findings).toEqual([]);
    });
  }
});

describe('validateFiles: label and annotation keys', () => {
  it('reports a bad key in every resource that has it, as a label and lowercased as an annotation', () => {
    const files = ['a', 'b'].map((name) => ({
      path: `case/${name}.yaml`,
      content: configMap(
        `  name: ${name}\n  labels:\n    Example.com/team: shop\n  annotations:\n    Example.com/team: shop\n`,
      ),
    }));
    const keyFindings = validateFiles(files, { skippedKinds: [] }).findings.filter((f) =>
      /key "Example\.com\/team"/.test(f.message),
    );
    // Checked as a label key, Example.com is a bad prefix; annotation keys are checked lowercased.
    expect(keyFindings.map((f) => `${f.file} ${f.field}`)).toEqual([
      'case/a.yaml metadata.labels["Example.com/team"]',
      'case/b.yaml metadata.labels["Example.com/team"]',
    ]);
  });
});

describe('validateFiles: duplicate resources across files', () => {
  const namespaced = (namespace: string) =>
    configMap(`  name: settings\n  namespace: ${namespace}\n`);

  it('reports every occurrence of the same group/kind/namespace/name, each pointing at the other', () => {
    const report = validateFiles([
      { path: 'a/configmap.yaml', content: namespaced('shop') },
      { path: 'b/configmap.yaml', content: `# header\n${namespaced('shop')}` },
    ]);
    expect(report.findings).toMatchObject([
      {
        file: 'a/configmap.yaml',
        line: 4,
        column: 9,
        field: 'metadata.name',
        rule: 'duplicate-resource',
        message:
          'duplicate resource: ConfigMap/shop/settings is also defined at b/configmap.yaml:5:9',
      },
      {
        file: 'b/configmap.yaml',
        line: 5,
        column: 9,
        field: 'metadata.name',
        rule: 'duplicate-resource',
        message:
          'duplicate resource: ConfigMap/shop/settings is also defined at a/configmap.yaml:4:9',
      },
    ]);
  });

  it('treats the same name in another namespace as another resource', () => {
    const report = validateFiles([
      { path: 'a/configmap.yaml', content: namespaced('shop') },
      { path: 'b/configmap.yaml', content: namespaced('billing') },
    ]);
    expect(report.findings).toEqual([]);
  });

  it('treats the same object on another cluster as another resource, but not within one cluster', () => {
    const onClusters = validateFiles([
      { path: 'rendered/ci/app/one/configmap.yaml', content: namespaced('shop') },
      { path: 'rendered/mgmt/app/one/configmap.yaml', content: namespaced('shop') },
    ]);
    expect(onClusters.findings).toEqual([]);
    const withinOne = validateFiles([
      { path: 'rendered/ci/app/one/configmap.yaml', content: namespaced('shop') },
      { path: 'rendered/ci/other/two/configmap.yaml', content: namespaced('shop') },
    ]);
    expect(withinOne.findings.map((finding) => finding.rule)).toEqual([
      'duplicate-resource',
      'duplicate-resource',
    ]);
  });
});

describe('validateFiles: Helm values files', () => {
  const values = (chart: string, version: string, body: string) =>
    `# Generated by \`gitops render\` from apps/karpenter (component controller). Do not edit by hand.\n# helm-values: chart=${chart} version=${version}\n${body}`;

  const valuesCases: {
    name: string;
    failing: string;
    expected: Omit<Finding, 'file' | 'severity'>;
    passing: string;
  }[] = [
    {
      name: 'unknown key',
      failing: values(
        'karpenter',
        '1.14.1',
        'settings:\n  clusterName: ci\n  clustrEndpoint: https://example\n',
      ),
      expected: {
        line: 5,
        column: 3,
        resource: 'HelmValues/karpenter',
        field: 'settings.clustrEndpoint',
        message: 'unknown field "clustrEndpoint"',
        rule: 'helm-values',
      },
      passing: values(
        'karpenter',
        '1.14.1',
        'settings:\n  clusterName: ci\n  clusterEndpoint: https://example\n',
      ),
    },
    {
      name: 'wrong type deep inside a Kubernetes object',
      failing: values(
        'karpenter',
        '1.14.1',
        'tolerations:\n  - key: CriticalAddonsOnly\n    tolerationSeconds: soon\n',
      ),
      expected: {
        line: 5,
        column: 24,
        resource: 'HelmValues/karpenter',
        field: 'tolerations[0].tolerationSeconds',
        message: 'must be integer, got string',
        rule: 'helm-values',
      },
      passing: values(
        'karpenter',
        '1.14.1',
        'tolerations:\n  - key: CriticalAddonsOnly\n    tolerationSeconds: 300\n',
      ),
    },
    {
      name: 'value outside an enum',
      failing: values('karpenter', '1.14.1', 'logLevel: verbose\n'),
      expected: {
        line: 3,
        column: 11,
        resource: 'HelmValues/karpenter',
        field: 'logLevel',
        message: 'must be one of: debug, info, warn, error (got "verbose")',
        rule: 'helm-values',
      },
      passing: values('karpenter', '1.14.1', 'logLevel: debug\n'),
    },
    {
      name: 'chart version without a values schema',
      failing: values('karpenter', '1.15.0', 'logLevel: debug\n'),
      expected: {
        line: 2,
        column: 1,
        resource: 'HelmValues/karpenter',
        field: '',
        message:
          'no values schema for chart karpenter version 1.15.0 (schemas exist for karpenter@1.14.1): write or update its values interface in libs/charts and list it in tools/schemas/src/sources/helm-values-models.ts',
        rule: 'helm-values',
      },
      passing: values('karpenter', '1.14.1', 'logLevel: debug\n'),
    },
    {
      name: 'more than one document',
      failing: values('karpenter', '1.14.1', 'logLevel: debug\n---\nreplicas: 2\n'),
      expected: {
        line: 5,
        column: 1,
        resource: 'HelmValues/karpenter',
        field: '',
        message: 'a Helm values file must hold a single YAML document',
        rule: 'helm-values',
      },
      passing: values('karpenter', '1.14.1', 'logLevel: debug\nreplicas: 2\n'),
    },
  ];

  for (const testCase of valuesCases) {
    it(`${testCase.name}: fails where expected, and the fixed file passes`, () => {
      const failing = validateFiles([
        { path: 'rendered/ci/karpenter/controller/values.yaml', content: testCase.failing },
      ]);
      expect(failing.findings).toEqual([
        {
          file: 'rendered/ci/karpenter/controller/values.yaml',
          severity: 'error',
          ...testCase.expected,
        },
      ]);
      expect(validateFiles([{ path: 'values.yaml', content: testCase.passing }]).findings).toEqual(
        [],
      );
    });
  }
});
