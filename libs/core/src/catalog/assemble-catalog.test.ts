import { chartPin } from '@platform/charts';
import { describe, expect, it } from 'vitest';
import { defineComponent, fromChart } from '../component/component-definition';
import { fixtureCatalog, fixtureInventory } from '../testing/fixture-inventory';
import { CatalogError } from './catalog-error';

const valid = {
  description: 'demo',
  clusters: 'workload',
  namespace: 'demo',
  syncWave: 0,
  resources: () => {},
} as const;

function issuesOf(definition: object): [string, string, string][] {
  try {
    fixtureCatalog({ broken: definition as never });
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    return error.issues.map((i) => [i.file, i.field, i.message]);
  }
  return [];
}

describe('the catalog assembled from component files', () => {
  it('resolves cluster selectors by role and by name, and names each entry by its folder', () => {
    const catalog = fixtureCatalog({
      jobs: defineComponent({ ...valid }),
      only: defineComponent({ ...valid, clusters: ['ci-two'] }),
      everywhere: defineComponent({ ...valid, clusters: 'all' }),
    });
    const clusters = Object.fromEntries(catalog.map((c) => [`${c.app}/${c.name}`, c.clusters]));
    expect(clusters).toEqual({
      'demo/everywhere': ['hub', 'ci-one', 'ci-two'],
      'demo/jobs': ['ci-one', 'ci-two'],
      'demo/only': ['ci-two'],
      'root/root': ['hub'],
    });
    expect(catalog.find((c) => c.name === 'jobs')!.file).toBe('apps/demo/src/jobs/component.ts');
  });

  it('selects the clusters of a role that meet a prerequisite, and accepts that none does yet', () => {
    const catalog = fixtureCatalog({
      some: defineComponent({
        ...valid,
        clusters: { role: 'workload', when: (cluster) => cluster.name.endsWith('two') },
      }),
      none: defineComponent({ ...valid, clusters: { role: 'workload', when: () => false } }),
    });
    const clusters = Object.fromEntries(catalog.map((c) => [c.name, c.clusters]));
    expect(clusters.some).toEqual(['ci-two']);
    expect(clusters.none).toEqual([]);
    expect(issuesOf({ ...valid, clusters: { role: 'edge', when: () => true } })).toEqual([
      [
        'apps/demo/src/broken/component.ts',
        'clusters.role',
        `"edge" is not 'all', 'management' or 'workload'`,
      ],
    ]);
    expect(issuesOf({ ...valid, clusters: { role: 'workload', when: true } })).toEqual([
      [
        'apps/demo/src/broken/component.ts',
        'clusters.when',
        'must be a function of the cluster (its prerequisite)',
      ],
    ]);
  });

  it.each([
    [
      { clusters: ['nowhere'] },
      'clusters[0]',
      'unknown cluster "nowhere" (known: hub, ci-one, ci-two)',
    ],
    [{ syncWave: 1.5 }, 'syncWave', '1.5 is not an integer (ArgoCD sync waves are integers)'],
    [{ namespace: 'Not_A_Name' }, 'namespace', '"Not_A_Name" is not a valid namespace name'],
    [
      { additionalNamespaces: ['ok', 'bad name'] },
      'additionalNamespaces[1]',
      '"bad name" is not a valid namespace name',
    ],
    [{ description: ' ' }, 'description', 'is empty'],
    [
      { resources: undefined },
      'chart/resources',
      'declares neither a chart nor resources: it would render nothing',
    ],
    [
      { exemptions: [{ rule: 'pss-restricted', kind: 'Namespace', name: 'demo', reason: '' }] },
      'exemptions[0].reason',
      'is empty: say why',
    ],
    [
      {
        ignoreDifferences: [
          { group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'], reason: ' ' },
        ],
      },
      'ignoreDifferences[0].reason',
      'is empty: say who owns the field',
    ],
    [
      {
        ignoreDifferences: [
          { group: 'apps', kind: 'Deployment', jsonPointers: ['spec.replicas'], reason: 'HPA' },
        ],
      },
      'ignoreDifferences[0].jsonPointers[0]',
      '"spec.replicas" is not a JSON pointer (starts with /)',
    ],
  ])('names the file and field of a bad entry: %j', (change, field, message) => {
    expect(issuesOf({ ...valid, ...change })).toEqual([
      ['apps/demo/src/broken/component.ts', field, message],
    ]);
  });

  it.each(['^1.14.1', '~1.14', '1.x', 'latest', '>=1.0.0'])(
    'refuses the chart version range %s',
    (version) => {
      const pin = chartPin({ chart: 'demo', version, repository: 'https://charts.example.com' });
      const issues = issuesOf({ ...valid, chart: fromChart(pin)({ values: () => ({}) }) });
      expect(issues.map(([, field]) => field)).toEqual(['chart.pin.version']);
    },
  );

  it('requires exactly one component synced by the root Application', () => {
    const issues = issuesOf({ ...valid, syncedBy: 'root' });
    expect(issues).toEqual([
      [
        'apps/*/src/*/component.ts',
        'syncedBy',
        'exactly one component must be synced by the root Application (found 2: apps/root/src/root/component.ts, apps/demo/src/broken/component.ts)',
      ],
    ]);
  });

  it('gives a component selected by role to a new cluster of that role with no other edit', () => {
    const third = structuredClone(fixtureInventory.clusters[1]!);
    third.name = 'ci-three';
    fixtureInventory.clusters.push(third);
    try {
      const [jobs] = fixtureCatalog({ jobs: defineComponent({ ...valid }) }).filter(
        (c) => c.name === 'jobs',
      );
      expect(jobs!.clusters).toEqual(['ci-one', 'ci-two', 'ci-three']);
    } finally {
      fixtureInventory.clusters.pop();
    }
  });
});

describe('folder names, which become label values', () => {
  it('refuses a component folder name longer than a label value, naming the folder', () => {
    const limit = 63;
    const long = `c${'o'.repeat(limit - 1)}`;
    expect(long).toHaveLength(limit);
    expect(() => fixtureCatalog({ [long]: defineComponent({ ...valid }) })).not.toThrow();
    const tooLong = `${long}x`;
    try {
      fixtureCatalog({ [tooLong]: defineComponent({ ...valid }) });
      expect.unreachable('a name over the limit must be refused');
    } catch (error) {
      expect((error as CatalogError).issues).toEqual([
        {
          file: `apps/demo/src/${tooLong}/component.ts`,
          field: '(folder name)',
          message: `"${tooLong}" is ${limit + 1} characters; it becomes a label value, which Kubernetes limits to ${limit}: rename the folder`,
        },
      ]);
    }
  });
});
