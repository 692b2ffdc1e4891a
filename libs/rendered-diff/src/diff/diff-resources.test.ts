import { describe, expect, it } from 'vitest';
import { formatPath } from '../fields/field-change';
import { deployment, namespace, renderedFile } from '../testing/fixture-files';
import { diffRenderedFiles } from './diff-resources';
import type { ResourceChange } from './rendered-diff';

const dir = 'rendered/ci/observability/agent';
const paths = (change: ResourceChange | undefined) =>
  change?.fields.map((f) => `${f.op} ${formatPath(f.path)}`) ?? [];

describe('diffRenderedFiles', () => {
  it('reports added, removed and changed resources with counts per cluster and app', () => {
    const base = [
      renderedFile(`${dir}/deployment-observability-agent.yaml`, deployment()),
      renderedFile('rendered/ci/observability/namespaces/namespace-old.yaml', namespace('old')),
    ];
    const head = [
      renderedFile(`${dir}/deployment-observability-agent.yaml`, deployment({ replicas: 3 })),
      renderedFile('rendered/mgmt/argocd-root/x/namespace-new.yaml', namespace('new')),
    ];
    const diff = diffRenderedFiles(base, head);
    expect(
      diff.changes.map(
        (c) => `${c.change} ${c.identity.cluster} ${c.identity.kind} ${c.identity.name}`,
      ),
    ).toEqual([
      'changed ci Deployment agent',
      'removed ci Namespace old',
      'added mgmt Namespace new',
    ]);
    expect(diff.changes[0]!.fields).toEqual([
      { op: 'changed', path: ['spec', 'replicas'], before: 2, after: 3 },
    ]);
    expect(diff.changes[1]!.impact).toMatch(/every object in it/);
    expect(diff.apps).toEqual([
      {
        cluster: 'ci',
        app: 'observability',
        added: 0,
        removed: 1,
        changed: 1,
        recreated: 0,
        chartNoiseOnly: 0,
      },
      {
        cluster: 'mgmt',
        app: 'argocd-root',
        added: 1,
        removed: 0,
        changed: 0,
        recreated: 0,
        chartNoiseOnly: 0,
      },
    ]);
  });

  it('sees no change when keys are reordered, the file moves or its header changes', () => {
    const object = deployment();
    const reordered = {
      spec: object.spec,
      metadata: object.metadata,
      kind: object.kind,
      apiVersion: object.apiVersion,
    };
    const base = [renderedFile(`${dir}/deployment-observability-agent.yaml`, object)];
    const moved = renderedFile('rendered/ci/observability/renamed-component/agent.yaml', reordered);
    const diff = diffRenderedFiles(base, [
      { ...moved, content: `# another header\n${moved.content}` },
    ]);
    expect(diff.changes).toEqual([]);
    expect(diff.totals.unchanged).toBe(1);
  });

  it('counts files the caller found identical as unchanged resources, without diffing them', () => {
    const before = renderedFile(`${dir}/deployment-observability-agent.yaml`, deployment());
    const after = renderedFile(
      `${dir}/deployment-observability-agent.yaml`,
      deployment({ replicas: 3 }),
    );
    const identical = [
      renderedFile(`${dir}/namespace-a.yaml`, namespace('a')),
      renderedFile(`${dir}/namespace-b.yaml`, namespace('b')),
    ];
    const diff = diffRenderedFiles([before], [after], identical);
    expect(diff.changes.map((change) => change.identity.name)).toEqual(['agent']);
    expect(diff.totals).toMatchObject({ changed: 1, unchanged: 2 });
  });

  it('matches list items by key: a reordered container list is no change, a changed env var is named', () => {
    const before = deployment();
    const after = deployment({ image: 'registry.example.com/agent:7.61.0' });
    after.spec.template.spec.containers.reverse();
    after.spec.template.spec.containers[1]!.env![0]!.value = 'debug';
    const diff = diffRenderedFiles(
      [renderedFile(`${dir}/d.yaml`, before)],
      [renderedFile(`${dir}/d.yaml`, after)],
    );
    expect(paths(diff.changes[0])).toEqual([
      'changed spec.template.spec.containers[name=agent].env[name=LOG_LEVEL].value',
      'changed spec.template.spec.containers[name=agent].image',
    ]);
  });

  it('lists the items that went and came in a list of scalars, and a reorder as one change', () => {
    const project = (repos: string[]) => ({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: { name: 'karpenter', namespace: 'argocd' },
      spec: { sourceRepos: repos },
    });
    const file = 'rendered/mgmt/argocd-root/app-of-apps/appproject-argocd-karpenter.yaml';
    const diff = diffRenderedFiles(
      [
        renderedFile(
          file,
          project(['https://git.example.com/a.git', 'oci://registry.example.com/c']),
        ),
      ],
      [
        renderedFile(
          file,
          project(['https://git.example.com/a.git', 'https://git.example.com/b.git']),
        ),
      ],
    );
    expect(paths(diff.changes[0])).toEqual([
      'removed spec.sourceRepos[1]',
      'added spec.sourceRepos[1]',
    ]);
    const reordered = diffRenderedFiles(
      [renderedFile(file, project(['x', 'y']))],
      [renderedFile(file, project(['y', 'x']))],
    );
    expect(paths(reordered.changes[0])).toEqual(['changed spec.sourceRepos']);
  });

  it('flags changes to immutable fields as recreates and leaves mutable ones alone', () => {
    const diff = diffRenderedFiles(
      [
        renderedFile(`${dir}/d.yaml`, deployment()),
        renderedFile(`${dir}/e.yaml`, deployment({ name: 'other' })),
      ],
      [
        renderedFile(`${dir}/d.yaml`, deployment({ selector: 'agent-v2' })),
        renderedFile(`${dir}/e.yaml`, deployment({ name: 'other', replicas: 5 })),
      ],
    );
    const [agent, other] = diff.changes;
    expect(agent!.recreates).toBe(true);
    expect(agent!.fields.find((f) => f.recreate)?.recreate).toMatch(/^spec\.selector: /);
    expect(other!.recreates).toBe(false);
    expect(diff.totals.recreated).toBe(1);
  });

  it('compares Helm values key by key and shows the chart version', () => {
    const values = (version: string, logs: boolean) => ({
      path: 'rendered/ci/observability/datadog/values.yaml',
      content: `# Generated\n# helm-values: chart=datadog version=${version}\ndatadog:\n  site: datadoghq.eu\n  logs:\n    enabled: ${logs}\n`,
    });
    const diff = diffRenderedFiles([values('3.240.0', false)], [values('3.241.0', true)]);
    expect(diff.changes[0]!.identity).toMatchObject({ kind: 'HelmValues', name: 'datadog' });
    expect(paths(diff.changes[0])).toEqual([
      'changed chart.version',
      'changed values.datadog.logs.enabled',
    ]);
  });

  it('groups resources whose only change is chart labels or checksums', () => {
    const before = deployment();
    const after = deployment();
    Object.assign(after.metadata.labels, { 'helm.sh/chart': 'datadog-3.241.0' });
    (after.spec.template.metadata as Record<string, unknown>).annotations = {
      'checksum/config': 'abc',
    };
    const diff = diffRenderedFiles(
      [renderedFile(`${dir}/d.yaml`, before)],
      [renderedFile(`${dir}/d.yaml`, after)],
    );
    expect(diff.changes[0]!.chartNoiseOnly).toBe(true);
    expect(diff.totals.chartNoiseOnly).toBe(1);
  });

  it('names the file and field of a resource it cannot identify', () => {
    const bad = {
      path: `${dir}/bad.yaml`,
      content: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n',
    };
    expect(() => diffRenderedFiles([], [bad])).toThrow(
      `${dir}/bad.yaml: document 1: field metadata.name is missing`,
    );
    const broken = { path: `${dir}/broken.yaml`, content: 'kind: [\n' };
    expect(() => diffRenderedFiles([], [broken])).toThrow(`${dir}/broken.yaml:2: YAML:`);
  });
});
