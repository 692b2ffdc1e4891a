import { describe, expect, it } from 'vitest';
import { withConventionalKeyOrder } from './conventional-key-order';

describe('conventional key order of rendered objects', () => {
  const scrambled = {
    spec: {
      template: {
        spec: {
          containers: [
            { image: 'nginx:1.27', ports: [{ containerPort: 80, name: 'http' }], name: 'web' },
          ],
        },
        metadata: { annotations: { a: 'b' }, labels: { app: 'web' } },
      },
      replicas: 2,
    },
    status: {},
    metadata: { labels: { app: 'web' }, uid: 'x', namespace: 'shop', annotations: {}, name: 'web' },
    kind: 'Deployment',
    apiVersion: 'apps/v1',
  };

  it('puts apiVersion, kind, metadata, spec first, metadata name/namespace/labels/annotations first, list items by name', () => {
    const ordered = withConventionalKeyOrder(scrambled);
    expect(Object.keys(ordered)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(Object.keys(ordered.metadata)).toEqual([
      'name',
      'namespace',
      'labels',
      'annotations',
      'uid',
    ]);
    expect(Object.keys(ordered.spec)).toEqual(['template', 'replicas']);
    expect(Object.keys(ordered.spec.template.metadata)).toEqual(['labels', 'annotations']);
    const container = ordered.spec.template.spec.containers[0]!;
    expect(Object.keys(container)).toEqual(['name', 'image', 'ports']);
    expect(Object.keys(container.ports[0]!)).toEqual(['name', 'containerPort']);
  });

  it('changes no value, is idempotent, and leaves data that is not a Kubernetes object alone', () => {
    const ordered = withConventionalKeyOrder(scrambled);
    expect(ordered).toEqual(scrambled);
    expect(JSON.stringify(withConventionalKeyOrder(ordered))).toBe(JSON.stringify(ordered));
    const values = {
      replicas: 1,
      metadata: { labels: {}, name: 'x' },
      items: [{ b: 1, name: 'a' }],
    };
    expect(withConventionalKeyOrder(values)).toBe(values);
  });
});
