import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateFiles } from './validate-files';
import { celRuleCoverage } from '../evaluators/cel/cel-coverage';
import { crdVersionSchemas } from '../checks/custom-resources/crd-versions';
import { testCrd } from '../testing/test-crd';

/** A CRD of this test's own, small enough to read: every marker and constraint the engine honours. */
const widgetCrd = testCrd(
  'Widget',
  {
    type: 'object',
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
      spec: {
        type: 'object',
        required: ['group'],
        'x-kubernetes-validations': [
          {
            rule: 'self.minReplicas <= self.maxReplicas',
            message: 'minReplicas must not exceed maxReplicas',
          },
          { rule: 'self.group == oldSelf.group', message: 'group is immutable' },
          { rule: "quantity(self.size).isGreaterThan(quantity('0'))" },
        ],
        properties: {
          group: { type: 'string', pattern: '^[^/]*$', maxLength: 253 },
          minReplicas: { type: 'integer', minimum: 0 },
          maxReplicas: { type: 'integer', maximum: 10, exclusiveMaximum: true },
          size: {
            'x-kubernetes-int-or-string': true,
            anyOf: [{ type: 'integer' }, { type: 'string' }],
          },
          mode: { type: 'string', enum: ['fast', 'slow'] },
          tags: { type: 'array', maxItems: 2, items: { type: 'string', minLength: 1 } },
          since: { type: 'string', format: 'date-time' },
          extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
          template: {
            type: 'object',
            'x-kubernetes-embedded-resource': true,
            'x-kubernetes-preserve-unknown-fields': true,
          },
        },
      },
    },
  },
  [
    {
      name: 'v1alpha1',
      served: false,
      storage: false,
      schema: { openAPIV3Schema: { type: 'object' } },
    },
  ],
);

const widget = (spec: Record<string, unknown>) => ({
  apiVersion: 'example.com/v1',
  kind: 'Widget',
  metadata: { name: 'w', namespace: 'shop' },
  spec: { group: 'example.com', minReplicas: 1, maxReplicas: 3, ...spec },
});

const files = (resource: unknown) => [
  {
    path: 'rendered/x/crds/customresourcedefinition-widgets.example.com.yaml',
    content: stringify(widgetCrd),
  },
  { path: 'rendered/x/widgets/widget-shop-w.yaml', content: stringify(resource) },
];

const messages = (resource: unknown) =>
  validateFiles(files(resource)).findings.map((f) => `${f.rule} ${f.field}: ${f.message}`);

describe('custom resources are validated against the CRDs among the files', () => {
  it('accepts a resource that fits the CRD, with unknown fields where the CRD keeps them', () => {
    expect(
      messages(
        widget({
          size: '10Gi',
          extra: { anything: { goes: 1 } },
          template: { apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: { free: true } },
          since: '2026-11-25T10:00:00Z',
        }),
      ),
    ).toEqual([]);
  });

  it('keeps every constraint the CRD states', () => {
    expect(
      messages(
        widget({
          group: 'karpenter.k8s.aws/v1',
          maxReplicas: 10,
          minReplicas: 0,
          mode: 'turbo',
          tags: ['a', 'b', ''],
          since: 'yesterday',
          size: 1.5,
          colour: 'red',
        }),
      ),
    ).toEqual([
      'schema spec.group: must match the pattern "^[^/]*$" (got "karpenter.k8s.aws/v1")',
      'schema spec.maxReplicas: must be < 10',
      'schema spec.mode: must be one of: fast, slow (got "turbo")',
      'schema spec.tags: must NOT have more than 2 items',
      'schema spec.tags[2]: must NOT have fewer than 1 characters',
      'schema spec.since: must be a valid date-time (got "yesterday")',
      'schema spec.size: must be integer or string, got number',
      'schema spec.colour: unknown field "colour"',
    ]);
  });

  it('requires apiVersion, kind and metadata of an embedded resource', () => {
    expect(messages(widget({ template: { spec: {} } }))).toEqual([
      'schema spec.template.apiVersion: missing required field "apiVersion"',
      'schema spec.template.kind: missing required field "kind"',
      'schema spec.template.metadata: missing required field "metadata"',
    ]);
  });

  it('evaluates CEL rules and reports the rule message at the rule’s field', () => {
    const report = validateFiles(files(widget({ minReplicas: 5, maxReplicas: 3 })));
    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: 'cel',
        field: 'spec',
        message:
          'minReplicas must not exceed maxReplicas (CEL rule of rendered/x/crds/customresourcedefinition-widgets.example.com.yaml)',
        resource: 'Widget/shop/w',
        file: 'rendered/x/widgets/widget-shop-w.yaml',
        line: 7,
        column: 3,
      }),
    ]);
  });

  it('uses the generated schema when no CRD of the kind is among the files', () => {
    const report = validateFiles([files(widget({}))[1]!]);
    expect(report.findings.map((f) => f.rule)).toEqual(['schema-missing']);
  });

  it('lists each CEL rule it does not evaluate, with the reason', () => {
    const coverage = celRuleCoverage(crdVersionSchemas(widgetCrd, 'widgets.yaml'));
    expect(coverage).toEqual([
      {
        key: 'example.com/v1/Widget',
        path: 'spec',
        rule: 'self.minReplicas <= self.maxReplicas',
        evaluated: true,
      },
      expect.objectContaining({
        evaluated: false,
        reason: expect.stringMatching(/^transition rule/),
      }),
      expect.objectContaining({
        evaluated: false,
        reason: expect.stringMatching(/calls quantity\(\)/),
      }),
    ]);
  });
});
