import { describe, expect, it } from 'vitest';
import { deployment, namespace, renderedFile } from '../testing/fixture-files';
import { countRenderedResources } from './count-rendered-resources';

const dir = 'rendered/ci/observability/agent';

describe('countRenderedResources', () => {
  it('counts one resource per rendered file, and every document of a file with several', () => {
    const single = renderedFile(`${dir}/deployment-observability-agent.yaml`, deployment());
    const several = {
      path: `${dir}/several.yaml`,
      content: `${renderedFile('x', namespace('a')).content}---\n# only a comment\n---\n${renderedFile('x', namespace('b')).content}`,
    };
    const flow = {
      path: `${dir}/flow.yaml`,
      content: '{apiVersion: v1, kind: Namespace, metadata: {name: c}}\n',
    };
    expect(countRenderedResources([single])).toBe(1);
    expect(countRenderedResources([several])).toBe(2);
    expect(countRenderedResources([single, several, flow])).toBe(4);
  });

  it('counts a Helm values file as one resource and nothing outside a component folder', () => {
    const values = { path: `${dir}/values.yaml`, content: '# helm-values: chart=x version=1\nreplicas: 2\n' };
    const stray = { path: 'rendered/ci/stray.yaml', content: 'apiVersion: v1\n' };
    expect(countRenderedResources([values, stray])).toBe(1);
  });

  it('reads a file that is not a mapping: an empty document holds no resource', () => {
    expect(countRenderedResources([{ path: `${dir}/empty.yaml`, content: '# nothing\n' }])).toBe(0);
    expect(() =>
      countRenderedResources([{ path: `${dir}/list.yaml`, content: '- a\n- b\n' }]),
    ).toThrow(`${dir}/list.yaml: document 1: expected a Kubernetes object`);
  });
});
