import { describe, expect, it } from 'vitest';
import { formatFieldPath } from './field-path';
import { formatFinding } from './finding';
import { parseManifestFile } from './manifest-document';

const source = `# header
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
---
---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
`;

describe('parseManifestFile', () => {
  it('splits documents, skips empty ones and keeps their index', () => {
    const { documents, findings } = parseManifestFile('a.yaml', source);
    expect(findings).toEqual([]);
    expect(documents.map((d) => d.index)).toEqual([0, 2]);
    expect((documents[1]!.value as { kind: string }).kind).toBe('Namespace');
  });

  it('locates a nested field by path, and the nearest ancestor of a missing one', () => {
    const [deployment] = parseManifestFile('a.yaml', source).documents;
    expect(deployment!.locate(['spec', 'template', 'spec', 'containers', 0, 'image'])).toEqual({
      line: 12,
      column: 18,
    });
    expect(
      deployment!.locate(['spec', 'template', 'spec', 'containers', 0, 'image'], 'key'),
    ).toEqual({ line: 12, column: 11 });
    expect(deployment!.locate(['spec', 'replicas'])).toEqual({ line: 8, column: 3 });
    expect(deployment!.locate([])).toEqual({ line: 2, column: 1 });
  });

  it('reports a duplicate key with its line and resource', () => {
    const { findings } = parseManifestFile(
      'dup.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      file: 'dup.yaml',
      line: 5,
      rule: 'duplicate-key',
      severity: 'error',
    });
  });

  it('reports a syntax error with its line', () => {
    const { findings, documents } = parseManifestFile('bad.yaml', 'a: [1, 2\nb: 3\n');
    expect(documents).toEqual([]);
    expect(findings[0]!.rule).toBe('yaml');
    expect(findings[0]!.line).toBeGreaterThan(0);
  });
});

describe('formatting', () => {
  it('quotes keys that are not identifiers', () => {
    expect(formatFieldPath(['metadata', 'labels', 'app.kubernetes.io/name'])).toBe(
      'metadata.labels["app.kubernetes.io/name"]',
    );
    expect(formatFieldPath(['spec', 'containers', 1, 'image'])).toBe('spec.containers[1].image');
  });

  it('prints file:line:col, resource, field and message', () => {
    expect(
      formatFinding({
        file: 'x.yaml',
        line: 3,
        column: 5,
        resource: 'Deployment/shop/web',
        field: 'spec.replicas',
        message: 'must be integer',
        severity: 'error',
        rule: 'schema',
      }),
    ).toBe('x.yaml:3:5  Deployment/shop/web  spec.replicas  must be integer');
  });
});
