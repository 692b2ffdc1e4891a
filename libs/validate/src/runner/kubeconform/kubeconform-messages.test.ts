import { describe, expect, it } from 'vitest';
import { rewordKubeconformMessage } from './kubeconform-messages';
import { kubeconformSchemaFile } from './kubeconform-schema-layout';

describe('rewordKubeconformMessage', () => {
  it.each([
    // jsonschema v6 (kubeconform 0.7.0) and v5 (0.6.x) wordings of the same errors
    [
      "additional properties 'prunee', 'selfHeall' not allowed",
      [
        { field: 'prunee', part: 'key', message: 'unknown field "prunee"' },
        { field: 'selfHeall', part: 'key', message: 'unknown field "selfHeall"' },
      ],
    ],
    [
      "additionalProperties 'templates' not allowed",
      [{ field: 'templates', part: 'key', message: 'unknown field "templates"' }],
    ],
    [
      "missing property 'containers'",
      [{ field: 'containers', part: 'key', message: 'missing required field "containers"' }],
    ],
    [
      "missing properties: 'selector', 'template'",
      [
        { field: 'selector', part: 'key', message: 'missing required field "selector"' },
        { field: 'template', part: 'key', message: 'missing required field "template"' },
      ],
    ],
    [
      'got string, want null or integer',
      [{ part: 'value', message: 'must be null or integer, got string' }],
    ],
    [
      'expected integer, but got string',
      [{ part: 'value', message: 'must be integer, got string' }],
    ],
    [
      "value must be one of 'Always', 'IfNotPresent', 'Never'",
      [{ part: 'value', message: 'must be one of: Always, IfNotPresent, Never' }],
    ],
    [
      'length must be <= 63, but got 70',
      [{ part: 'value', message: 'length must be <= 63, but got 70' }],
    ],
  ])('%s', (message, expected) => {
    expect(rewordKubeconformMessage(message)).toEqual(expected);
  });
});

describe('kubeconformSchemaFile', () => {
  it('follows kubeconform template variables: Group is the apiVersion before "/", or all of it for the core group', () => {
    expect(kubeconformSchemaFile('v1', 'Namespace')).toBe('v1/namespace_v1.json');
    expect(kubeconformSchemaFile('apps/v1', 'Deployment')).toBe('apps/deployment_v1.json');
    expect(kubeconformSchemaFile('karpenter.k8s.aws/v1', 'EC2NodeClass')).toBe(
      'karpenter.k8s.aws/ec2nodeclass_v1.json',
    );
  });
});
