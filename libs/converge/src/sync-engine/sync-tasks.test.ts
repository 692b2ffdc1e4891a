import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube/kube-object';
import type { SyncPhase } from './sync-common';
import { SyncTask } from './sync-task';
import {
  kindOrder,
  multiStep,
  sortTasks,
  tasksLastPhase,
  tasksLastWave,
  tasksPhase,
  tasksWave,
} from './sync-tasks';

// The task-ordering cases of gitops-engine pkg/sync/sync_tasks_test.go (Argo CD 3.5.1), with their
// objects and expected orders as the Go test writes them.

const task = (object: KubeObject, phase: SyncPhase = 'Sync') =>
  new SyncTask(phase, object, undefined);
const waveAnnotated = (wave: string): KubeObject => ({
  metadata: { annotations: { 'argocd.argoproj.io/sync-wave': wave } },
});
// The Go fixtures spell the group version as a field "GroupVersion", which Kubernetes ignores: these
// objects have no apiVersion, so their group is the core group.
const coreKind = (kind?: string): KubeObject =>
  kind ? { GroupVersion: 'v1', kind } : { GroupVersion: 'v1' };

/** sync_tasks_test.go, unsortedTasks and sortedTasks (labels name each fixture). */
const fixtures: Record<string, () => SyncTask> = {
  pod: () => task(coreKind('Pod')),
  service: () => task(coreKind('Service')),
  persistentVolume: () => task(coreKind('PersistentVolume')),
  syncFail: () => task({}, 'SyncFail'),
  wave1: () => task(waveAnnotated('1')),
  nameB: () => task({ metadata: { name: 'b' } }),
  nameA: () => task({ metadata: { name: 'a' } }),
  waveMinus1: () => task(waveAnnotated('-1')),
  noKind: () => task(coreKind()),
  preSync: () => task({}, 'PreSync'),
  postSync: () => task({}, 'PostSync'),
  configMap: () => task(coreKind('ConfigMap')),
};

describe('sync task order (sync_tasks_test.go)', () => {
  it('Test_syncTasks_kindOrder: Namespace first at -35, APIService last listed at -1, a CRD kind 0', () => {
    expect(kindOrder('Namespace')).toBe(-35);
    expect(kindOrder('APIService')).toBe(-1);
    expect(kindOrder('MyCRD')).toBe(0);
  });

  it('TestSortSyncTask: phase, then wave, then kind, then name', () => {
    const labels = Object.keys(fixtures);
    const tasks = labels.map((label) => fixtures[label]!());
    const labelOf = new Map(tasks.map((t, i) => [t, labels[i]!]));
    sortTasks(tasks);
    expect(tasks.map((t) => labelOf.get(t))).toEqual([
      'preSync',
      'waveMinus1',
      'configMap',
      'persistentVolume',
      'service',
      'pod',
      'noKind',
      'nameA',
      'nameB',
      'wave1',
      'postSync',
      'syncFail',
    ]);
  });

  it('TestSyncNamespaceAgainstCRD: a Namespace before a custom resource', () => {
    const crd = task({ kind: 'Workflow' });
    const namespace = task({ kind: 'Namespace' });
    const tasks = [crd, namespace];
    sortTasks(tasks);
    expect(tasks).toEqual([namespace, crd]);
  });

  it('TestSyncTasksSort_NamespaceAndObjectInNamespace: each Namespace moves before its first user, taking its phase and wave', () => {
    const hook = (namespace: string, name: string) =>
      task({ kind: 'Job', metadata: { namespace, name } }, 'PreSync');
    const hook1 = hook('myNamespace1', 'mySyncHookJob1');
    const hook2 = hook('myNamespace2', 'mySyncHookJob2');
    // The Go test sets these annotations as map[string]string, which unstructured cannot read:
    // both namespaces are at wave 0 before the move, and take their hooks' wave (0) after it.
    const namespace1 = task({ kind: 'Namespace', metadata: { name: 'myNamespace1' } });
    const namespace2 = task({ kind: 'Namespace', metadata: { name: 'myNamespace2' } });
    const tasks = [hook1, hook2, namespace1, namespace2];
    sortTasks(tasks);
    expect(tasks).toEqual([namespace1, hook1, namespace2, hook2]);
    expect([namespace1.wave(), namespace1.phase]).toEqual([0, 'PreSync']);
    expect([namespace2.wave(), namespace2.phase]).toEqual([0, 'PreSync']);
  });

  it('TestSyncTasksSort_CRDAndCR: the CRD moves before its custom resource', () => {
    const cr = task({ kind: 'Workflow', apiVersion: 'argoproj.io/v1' }, 'PreSync');
    const crd = task({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      spec: { group: 'argoproj.io', names: { kind: 'Workflow' } },
    });
    const tasks = [cr, crd];
    sortTasks(tasks);
    expect(tasks).toEqual([crd, cr]);
  });

  it('Test_syncTasks_multiStep: one phase and wave is a single step, two are multi-step', () => {
    const pod = (wave: string, phase: SyncPhase) =>
      new SyncTask(phase, undefined, {
        kind: 'Pod',
        metadata: { name: 'my-pod', annotations: { 'argocd.argoproj.io/sync-wave': wave } },
      });
    const single = [pod('-1', 'Sync')];
    expect([
      tasksPhase(single),
      tasksWave(single),
      tasksLastPhase(single),
      tasksLastWave(single),
    ]).toEqual(['Sync', -1, 'Sync', -1]);
    expect(multiStep(single)).toBe(false);
    const double = [pod('-1', 'PreSync'), pod('1', 'PostSync')];
    expect([
      tasksPhase(double),
      tasksWave(double),
      tasksLastPhase(double),
      tasksLastWave(double),
    ]).toEqual(['PreSync', -1, 'PostSync', 1]);
    expect(multiStep(double)).toBe(true);
  });
});
