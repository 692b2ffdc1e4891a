/** What the component templates need, validated by the generator. */
export interface ComponentTemplateInput {
  app: string;
  name: string;
  type: 'rendered' | 'helm';
  /** A TypeScript expression: `'workload'` or `['ci']`. */
  clusters: string;
  namespace: string;
  syncWave: number;
  chart?: string;
  description: string;
}

const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The files of a new component folder, by file name. */
export function componentFiles(input: ComponentTemplateInput): Record<string, string> {
  return input.type === 'helm'
    ? { 'component.ts': helmComponent(input), [`${input.name}.test.ts`]: helmTest(input) }
    : { 'component.ts': renderedComponent(input), [`${input.name}.test.ts`]: renderedTest(input) };
}

function renderedComponent(input: ComponentTemplateInput): string {
  return `import { defineComponent } from '@platform/core';

/** ${input.description} */
export default defineComponent({
  description: ${quote(input.description)},
  clusters: ${input.clusters},
  namespace: ${quote(input.namespace)},
  syncWave: ${input.syncWave},
  resources: (chart) => {
    // A placeholder so the component renders from the start: replace it with the component's
    // typed objects (kubernetes-models interfaces).
    chart.add({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: ${quote(input.name)}, namespace: ${quote(input.namespace)} },
      data: { owner: ${quote(input.app)} },
    });
  },
});
`;
}

function renderedTest(input: ComponentTemplateInput): string {
  return `import { inventory } from '@platform/config';
import { componentSpec, renderDefinition } from '@platform/core';
import { checkPolicy } from '@platform/policy';
import { validateFiles } from '@platform/validate';
import { describe, expect, it } from 'vitest';
import component from './component';

const placement = { app: ${quote(input.app)}, name: ${quote(input.name)}, inventory };

describe('the ${input.name} component', () => {
  it('renders valid, policy-clean objects on every cluster it targets', async () => {
    const clusters = componentSpec(component, placement).clusters;
    expect(clusters.length).toBeGreaterThan(0);
    for (const cluster of clusters) {
      const files = await renderDefinition(component, placement, cluster);
      expect(files.length).toBeGreaterThan(0);
      expect(validateFiles(files).findings).toEqual([]);
      expect(checkPolicy(files).findings).toEqual([]);
    }
  });
});
`;
}

function helmComponent(input: ComponentTemplateInput): string {
  return `import { ${input.chart} } from '@platform/charts';
import { defineComponent, fromChart } from '@platform/core';

/** ${input.description} */
export default defineComponent({
  description: ${quote(input.description)},
  clusters: ${input.clusters},
  namespace: ${quote(input.namespace)},
  syncWave: ${input.syncWave},
  chart: fromChart(${input.chart})({
    releaseName: ${quote(input.name)},
    // Typed by the pin's values interface: a misspelt key fails the type check and validation.
    values: () => ({}),
  }),
});
`;
}

function helmTest(input: ComponentTemplateInput): string {
  return `import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inventory } from '@platform/config';
import { componentContext, componentSpec } from '@platform/core';
import { describe, expect, it } from 'vitest';
import component from './component';

const placement = { app: ${quote(input.app)}, name: ${quote(input.name)}, inventory };
const clusters = componentSpec(component, placement).clusters;

describe('the ${input.name} component', () => {
  it('has values for every cluster it targets', () => {
    expect(clusters.length).toBeGreaterThan(0);
    for (const cluster of clusters) {
      const values = component.chart!.values(componentContext(component, placement, cluster));
      expect(values).toBeTypeOf('object');
    }
  });

  it('is rendered: the chart objects and values.yaml are committed (npx gitops render)', () => {
    for (const cluster of clusters) {
      const directory = join(__dirname, '../../../../rendered', cluster, placement.app, placement.name);
      expect(existsSync(join(directory, 'values.yaml')), directory).toBe(true);
      expect(readdirSync(directory).length).toBeGreaterThan(1);
    }
  });
});
`;
}
