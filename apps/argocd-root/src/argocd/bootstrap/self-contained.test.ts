import { describe, expect, it } from 'vitest';
import { selfContainmentProblems, type BootstrapObject } from './self-contained';

const wave = (n: number) => ({ 'argocd.argoproj.io/sync-wave': String(n) });

function directory(): BootstrapObject[] {
  return [
    {
      file: 'ns.yaml',
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'tools', annotations: wave(-3) },
    },
    {
      file: 'crd.yaml',
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com', annotations: wave(-2) },
      spec: { group: 'example.com', names: { kind: 'Widget' } },
    },
    {
      file: 'sa.yaml',
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'app', namespace: 'tools', annotations: wave(-1) },
    },
    {
      file: 'cm.yaml',
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings', namespace: 'tools', annotations: wave(-1) },
    },
    {
      file: 'widget.yaml',
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w', namespace: 'tools', annotations: wave(0) },
    },
    {
      file: 'deploy.yaml',
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'app', namespace: 'tools', annotations: wave(0) },
      spec: {
        template: {
          spec: {
            serviceAccountName: 'app',
            volumes: [
              { name: 'settings', configMap: { name: 'settings' } },
              { name: 'tls', secret: { secretName: 'tls', optional: true } },
            ],
            containers: [
              {
                name: 'app',
                image: 'example/app:1.0.0',
                env: [
                  {
                    name: 'PASSWORD',
                    valueFrom: { secretKeyRef: { name: 'made-at-start', key: 'p' } },
                  },
                ],
              },
            ],
          },
        },
      },
    },
  ];
}
const runtime = [
  { namespace: 'argocd', name: 'made-at-start', reason: 'an init container creates it' },
];

describe('a self-contained directory', () => {
  it('has no problems when it creates its namespace, CRDs first, and everything its pods use', () => {
    expect(selfContainmentProblems(directory(), runtime)).toEqual([]);
  });

  it('names a namespace it does not create, and one created in the same wave', () => {
    const objects = directory();
    objects[3]!.metadata.namespace = 'elsewhere';
    objects[0]!.metadata.annotations = wave(0);
    const problems = selfContainmentProblems(objects, runtime);
    expect(problems).toContain(
      'cm.yaml ConfigMap/elsewhere/settings: namespace elsewhere is not created here',
    );
    expect(problems).toContain(
      'deploy.yaml Deployment/tools/app: its Namespace is not in an earlier sync wave',
    );
  });

  it('names a custom resource whose CRD is missing or not in an earlier wave', () => {
    const late = directory();
    late[1]!.metadata.annotations = wave(0);
    expect(selfContainmentProblems(late, runtime)).toEqual([
      'widget.yaml Widget/tools/w: its CRD is not in an earlier sync wave',
    ]);
    const missing = directory().filter((o) => o.kind !== 'CustomResourceDefinition');
    expect(selfContainmentProblems(missing, runtime)).toEqual([
      'widget.yaml Widget/tools/w: no CRD here defines example.com/Widget',
    ]);
  });

  it('names what needs a running Argo CD: its custom resources, hooks, and Secrets with data', () => {
    const objects: BootstrapObject[] = [
      ...directory(),
      {
        file: 'app.yaml',
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'a', namespace: 'tools', annotations: wave(0) },
      },
      {
        file: 'job.yaml',
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: {
          name: 'j',
          namespace: 'tools',
          annotations: { ...wave(0), 'argocd.argoproj.io/hook': 'PreSync' },
        },
      },
      {
        file: 's.yaml',
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 's', namespace: 'tools', annotations: wave(-1) },
        data: { k: 'dg==' },
      },
    ];
    const problems = selfContainmentProblems(objects, runtime);
    expect(problems.some((p) => p.startsWith('app.yaml Application/tools/a: no CRD here'))).toBe(
      true,
    );
    expect(problems).toContain(
      'app.yaml Application/tools/a: an Argo CD custom resource belongs to the root, not the bootstrap',
    );
    expect(problems).toContain(
      'job.yaml Job/tools/j: argocd.argoproj.io/hook needs a running Argo CD or Helm to mean anything',
    );
    expect(problems).toContain('s.yaml Secret/tools/s: a Secret with data');
  });

  it('names a ServiceAccount, ConfigMap or Secret a pod needs that is neither here nor made at start-up', () => {
    const objects = directory().filter(
      (o) => o.kind !== 'ServiceAccount' && o.kind !== 'ConfigMap',
    );
    expect(selfContainmentProblems(objects, [])).toEqual([
      'deploy.yaml Deployment/tools/app: references ServiceAccount app, which is not here',
      'deploy.yaml Deployment/tools/app: references ConfigMap settings, which is not here',
      'deploy.yaml Deployment/tools/app: references Secret made-at-start, which is not here',
    ]);
  });
});
