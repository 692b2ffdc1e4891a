import { describe, expect, it } from 'vitest';
import { declaredKeyPaths, hasKeyPath } from './helm-values-key-paths';

describe('Helm values key paths', () => {
  const definitions = {
    Values: {
      type: 'object',
      properties: {
        settings: {
          type: 'object',
          properties: { clusterName: { type: 'string' }, typo: { type: 'string' } },
          additionalProperties: false,
        },
        podLabels: { type: 'object', additionalProperties: { type: 'string' } },
        affinity: { $ref: '#/definitions/IoK8sApiCoreV1Affinity' },
      },
      additionalProperties: false,
    },
    IoK8sApiCoreV1Affinity: {
      type: 'object',
      properties: { nodeAffinity: {} },
      additionalProperties: false,
    },
  };

  it('lists declared paths, without descending into maps or Kubernetes model types', () => {
    expect(declaredKeyPaths(definitions, 'Values').map((p) => p.join('.'))).toEqual([
      'settings',
      'settings.clusterName',
      'settings.typo',
      'podLabels',
      'affinity',
    ]);
  });

  it('finds a declared key the upstream values lack', () => {
    const upstream = { settings: { clusterName: '' }, podLabels: {}, affinity: {} };
    expect(
      declaredKeyPaths(definitions, 'Values')
        .filter((path) => !hasKeyPath(upstream, path))
        .map((p) => p.join('.')),
    ).toEqual(['settings.typo']);
  });
});
