import { describe, expect, it } from 'vitest';
import { validationRenderCheck } from './validation-render-check';

describe('validationRenderCheck', () => {
  it('returns the findings of the in-memory render, so a render with an invalid resource is aborted', () => {
    const findings = validationRenderCheck([
      {
        path: 'rendered/ci/app/c/namespace-a.yaml',
        content: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  labelz: {}\n',
      },
    ]);
    expect(findings).toMatchObject([
      {
        file: 'rendered/ci/app/c/namespace-a.yaml',
        line: 5,
        column: 3,
        field: 'metadata.labelz',
        message: 'unknown field "labelz"',
        severity: 'error',
      },
    ]);
  });

  it('reports nothing for a valid render', () => {
    expect(
      validationRenderCheck([
        {
          path: 'rendered/ci/app/c/namespace-a.yaml',
          content: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n',
        },
      ]),
    ).toEqual([]);
  });
});
