import { describe, expect, it } from 'vitest';
import type { ConvergeCluster } from '../input/converge-input';
import { renderedObjects } from '../input/rendered-objects';
import { deletionCascades, describeDeletion } from './deletion-cascade';

const clusters: ConvergeCluster[] = [
  { name: 'hub', role: 'management', destinationName: 'in-cluster', providedNamespaces: [] },
  { name: 'ci', role: 'workload', destinationName: 'ci', providedNamespaces: [] },
];
const application = (name: string, path: string, finalizer: boolean, destination = 'ci') => ({
  path: `rendered/hub/root/apps/application-argocd-${name}.yaml`,
  content: `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${name}
  namespace: argocd
${finalizer ? '  finalizers: [resources-finalizer.argocd.argoproj.io]\n' : ''}spec:
  project: p
  source: { repoURL: https://git.example.com/x.git, path: ${path} }
  destination: { name: ${destination}, namespace: jobs }
`,
});
const object = (path: string, content: string) => ({ path, content });
const files = [
  application('root', 'rendered/hub/root/apps', false, 'in-cluster'),
  application('namespaces', 'rendered/ci/demo/namespaces', true),
  application('workload', 'rendered/ci/demo/workload', true),
  object(
    'rendered/ci/demo/namespaces/namespace-jobs.yaml',
    'apiVersion: v1\nkind: Namespace\nmetadata: { name: jobs }\n',
  ),
  object(
    'rendered/ci/demo/workload/configmap-jobs-a.yaml',
    'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a, namespace: jobs }\n',
  ),
  object(
    'rendered/ci/demo/workload/configmap-jobs-kept.yaml',
    'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: kept, namespace: jobs, annotations: { argocd.argoproj.io/sync-options: Delete=false } }\n',
  ),
  object(
    'rendered/ci/demo/workload/customresourcedefinition-things.x.io.yaml',
    'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: { name: things.x.io }\nspec: { group: x.io, names: { kind: Thing, plural: things } }\n',
  ),
];
const cascades = deletionCascades(renderedObjects(files), clusters);
const of = (name: string) => cascades.find((c) => c.application === name)!;

describe('the deletion cascade of an Application (controller/appcontroller.go, shouldBeDeleted)', () => {
  it('without a resources finalizer deletes nothing it deployed', () => {
    expect(of('root')).toMatchObject({ cascades: false, deletes: [], children: [] });
    expect(of('root').keeps).toHaveLength(3);
    expect(describeDeletion(of('root'))).toContain('no resources finalizer');
  });

  it('with one deletes its resources but Delete=false objects and CRDs', () => {
    expect(of('workload')).toMatchObject({
      cascades: true,
      deletes: ['ConfigMap/jobs/a'],
      keeps: ['ConfigMap/jobs/kept', 'CustomResourceDefinition/things.x.io'],
    });
  });

  it('deleting a Namespace takes the objects of other Applications in it, Delete=false or not', () => {
    expect(of('namespaces').inDeletedNamespaces).toEqual([
      {
        namespace: 'jobs',
        objects: ['ConfigMap/jobs/a', 'ConfigMap/jobs/kept'],
        applications: ['workload'],
      },
    ]);
    expect(describeDeletion(of('namespaces'))).toContain(
      'deleting Namespace jobs also deletes 2 objects of workload',
    );
  });
});
