import { describe, expect, it } from 'vitest';
import { builtInHealth } from '../health/built-in-health';
import type { HealthStatusCode } from '../health/health-status';
import { nameOf, type KubeObject } from '../kube/kube-object';
import { SyncContext } from './sync-context';
import type { ReconciledResource, SyncCluster, SyncOptions } from './sync-options';
import { buildSyncTasks } from './sync-task-list';
import { tasksLastWave } from './sync-tasks';

// The wave and hook cases of gitops-engine pkg/sync/sync_context_test.go (Argo CD 3.5.1), with the
// fixtures of its testing package (NewPod, NewService, NewCRD, newHook) and its fakes: discovery
// of the core kinds, applies that succeed with no output unless a test makes one fail, a dynamic
// client that finds nothing.

const fakeNamespace = 'fake-argocd-ns';
const pod = (name = 'my-pod', annotations?: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, ...(annotations ? { annotations } : {}) },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.7.9' }] },
});
const service = (name = 'my-service', annotations?: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, ...(annotations ? { annotations } : {}) },
  spec: { ports: [{ port: 80, protocol: 'TCP', targetPort: 9376 }], selector: { app: 'MyApp' } },
});
const namespaceObject = (name: string, wave?: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, ...(wave ? { annotations: { 'argocd.argoproj.io/sync-wave': wave } } : {}) },
});
const crd: KubeObject = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'testcrds.test.io' },
  spec: { group: 'test.io', scope: 'Namespaced', names: { plural: 'testcrds', kind: 'TestCrd' } },
};
/** helper_test.go, newHook. */
const hook = (name: string, type: string, deletePolicy: string): KubeObject => ({
  ...pod(name, {
    'argocd.argoproj.io/hook': type,
    'argocd.argoproj.io/hook-delete-policy': deletePolicy,
  }),
  metadata: {
    name,
    namespace: fakeNamespace,
    annotations: {
      'argocd.argoproj.io/hook': type,
      'argocd.argoproj.io/hook-delete-policy': deletePolicy,
    },
    finalizers: ['argocd.argoproj.io/hook-finalizer'],
  },
});
const withNamespace = (object: KubeObject): KubeObject => ({
  ...object,
  metadata: { ...object.metadata, namespace: fakeNamespace },
});
const wave = (
  object: KubeObject,
  value: string,
  extra: Record<string, string> = {},
): KubeObject => ({
  ...object,
  metadata: {
    ...object.metadata,
    annotations: { 'argocd.argoproj.io/sync-wave': value, ...extra },
  },
});

/** helper_test.go, resourceNameHealthOverride, over the built-in checks. */
const healthByName = (statuses: Record<string, HealthStatusCode>) => (object: KubeObject) => {
  const status = statuses[nameOf(object)];
  return status ? { status, message: 'test' } : builtInHealth(object);
};

interface FakeOptions {
  knownKinds?: string[];
  failingApplies?: Record<string, string>;
  /** Names the dynamic client finds (its `get` reactor). */
  existing?: Record<string, KubeObject>;
}

/** newTestSyncCtx: the fakes the Go tests use. */
function testSyncContext(options: Partial<SyncOptions> = {}, fakes: FakeOptions = {}): SyncContext {
  const known = new Set([
    'v1/Pod',
    'v1/Service',
    'v1/Namespace',
    'apiextensions.k8s.io/v1/CustomResourceDefinition',
    ...(fakes.knownKinds ?? []),
  ]);
  const cluster: SyncCluster = {
    serverResource: (apiVersion, kind) =>
      known.has(`${apiVersion}/${kind}`)
        ? { found: true, namespaced: kind !== 'Namespace' && kind !== 'CustomResourceDefinition' }
        : {
            found: false,
            notFound: true,
            message: `the server could not find the requested resource (${kind})`,
          },
    apply: (task) => {
      const error = fakes.failingApplies?.[task.name()];
      return error ? { ok: false, message: error } : { ok: true, message: '' };
    },
    delete: () => ({ ok: true, message: '' }),
    get: (task) => fakes.existing?.[task.name()],
  };
  return new SyncContext(cluster, { namespace: fakeNamespace, revision: 'FooBarBaz', ...options });
}

const resources = (
  target: (KubeObject | undefined)[],
  live: (KubeObject | undefined)[],
): ReconciledResource[] => target.map((t, i) => ({ target: t, live: live[i] }));

describe('sync_context_test.go: waves and order', () => {
  it('TestSyncCreateInSortedOrder: one wave of a Pod and a Service succeeds in one step', () => {
    const context = testSyncContext();
    context.setResources(resources([pod(), service()], [undefined, undefined]));
    context.sync();
    const { phase, resources: results } = context.getState();
    expect(phase).toBe('Succeeded');
    expect(results.map((r) => [r.key.split('/')[1], r.status, r.message])).toEqual(
      expect.arrayContaining([
        ['Pod', 'Synced', ''],
        ['Service', 'Synced', ''],
      ]),
    );
    expect(results).toHaveLength(2);
  });

  it('TestSyncSuccessfully: prune and apply in one step; success even though the Service is Degraded', () => {
    const svc = service();
    const live = withNamespace(pod());
    const context = testSyncContext({
      prune: true,
      health: healthByName({ [nameOf(svc)]: 'Degraded' }),
    });
    context.setResources(resources([svc, undefined], [undefined, live]));
    context.sync();
    const { phase, resources: results } = context.getState();
    expect(phase).toBe('Succeeded');
    const byKind = Object.fromEntries(
      results.map((r) => [r.key.split('/')[1], [r.status, r.message]]),
    );
    expect(byKind).toEqual({ Pod: ['Pruned', 'pruned'], Service: ['Synced', ''] });
  });

  it('TestSyncSuccessfully_Multistep: waits for the healthy state of wave 0, then applies wave 5', () => {
    const svc = wave(withNamespace(service()), '0');
    const svc2 = wave(service('new-svc-2'), '5');
    const context = testSyncContext({
      prune: true,
      health: healthByName({ [nameOf(svc)]: 'Healthy' }),
    });
    context.setResources(resources([svc, svc2], [undefined, undefined]));
    context.sync();
    let state = context.getState();
    expect([state.phase, state.message]).toEqual([
      'Running',
      'waiting for healthy state of /Service/my-service',
    ]);
    expect(state.resources.map((r) => r.key)).toEqual([`/Service/${fakeNamespace}/my-service`]);
    context.setResources(resources([svc, svc2], [svc, undefined]));
    context.sync();
    state = context.getState();
    expect([state.phase, state.message]).toEqual([
      'Succeeded',
      'successfully synced (all tasks run)',
    ]);
    expect(state.resources).toHaveLength(2);
  });

  it('TestSyncCreateFailure: a failing apply fails the task with the error', () => {
    const context = testSyncContext({}, { failingApplies: { 'my-service': 'foo' } });
    context.setResources(resources([service()], [undefined]));
    context.sync();
    const { resources: results } = context.getState();
    expect(results.map((r) => [r.status, r.message])).toEqual([['SyncFailed', 'foo']]);
  });

  it('TestSync_SyncWaveHook: the hook runs after each applied wave, final on the last', () => {
    const calls: [string, number, boolean][] = [];
    const context = testSyncContext({
      syncWaveHook: (phase, w, final) => void calls.push([phase, w, final]),
    });
    context.setResources(
      resources([wave(pod('pod-1'), '-1'), pod('pod-2')], [undefined, undefined]),
    );
    context.hooks = [
      {
        ...pod('pod-3'),
        metadata: { name: 'pod-3', annotations: { 'argocd.argoproj.io/hook': 'PostSync' } },
      },
    ];
    context.sync();
    expect(calls).toEqual([['Sync', -1, false]]);
    context.sync();
    expect(calls).toHaveLength(1);
    const complete = (index: number) =>
      (context.getState().resources[index]!.hookPhase = 'Succeeded');
    complete(0);
    context.sync();
    expect(calls[1]).toEqual(['Sync', 0, false]);
    complete(1);
    context.sync();
    expect(calls[2]).toEqual(['PostSync', 0, true]);
  });
});

describe('sync_context_test.go: the namespace created before the dry run', () => {
  const createNamespace = { namespaceModifier: () => true, liveNamespace: () => undefined };

  it('TestSyncNamespaceCreatedBeforeDryRunWithoutFailure: creates it, then waits for its health', () => {
    const namespace = namespaceObject(fakeNamespace);
    const context = testSyncContext(createNamespace, { existing: { [fakeNamespace]: namespace } });
    context.setResources(resources([pod()], [undefined]));
    context.sync();
    const { phase, message, resources: results } = context.getState();
    expect([phase, message]).toEqual([
      'Running',
      `waiting for healthy state of /Namespace/${fakeNamespace}`,
    ]);
    expect(results.map((r) => [r.key.split('/')[1], r.status])).toEqual([['Namespace', 'Synced']]);
  });

  it('TestSyncNamespaceCreatedBeforeDryRunWithFailure: the namespace stays created, the dry run fails the Pod', () => {
    const context = testSyncContext(createNamespace, {
      failingApplies: { 'my-pod': 'invalid object failing dry-run' },
    });
    context.setResources(resources([pod()], [undefined]));
    context.sync();
    const { phase, message, resources: results } = context.getState();
    expect([phase, message]).toEqual(['Failed', 'one or more objects failed to apply (dry run)']);
    expect(results.map((r) => [r.key.split('/')[1], r.status, r.message])).toEqual([
      ['Namespace', 'Synced', ''],
      ['Pod', 'SyncFailed', 'invalid object failing dry-run'],
    ]);
  });
});

describe('sync_context_test.go: hooks', () => {
  it('TestSync_SuccessfulSyncWithSyncFailHook: waits for the Sync hook, never runs the SyncFail hook', () => {
    const syncHook = hook('hook-1', 'Sync', 'BeforeHookCreation');
    const failHook = hook('sync-fail-hook', 'SyncFail', 'HookSucceeded');
    const target = pod();
    const context = testSyncContext({
      health: healthByName({ 'my-pod': 'Healthy', 'hook-1': 'Healthy' }),
    });
    context.setResources(resources([target], [undefined]));
    context.hooks = [syncHook, failHook];
    context.sync();
    let state = context.getState();
    expect([state.phase, state.message]).toEqual([
      'Running',
      'waiting for completion of hook /Pod/hook-1 and 1 more resources',
    ]);
    expect(state.resources).toHaveLength(2);
    context.setResources(resources([target, undefined], [target, syncHook]));
    context.sync();
    state = context.getState();
    expect([state.phase, state.message]).toEqual([
      'Succeeded',
      'successfully synced (no more tasks)',
    ]);
    expect(state.resources).toHaveLength(2);
  });

  it('TestSync_FailedSyncWithSyncFailHook_HookFailed: a failed hook runs the SyncFail hook, then fails', () => {
    const syncHook = hook('hook-1', 'Sync', 'BeforeHookCreation');
    const failHook = hook('sync-fail-hook', 'SyncFail', 'HookSucceeded');
    const target = pod();
    const context = testSyncContext({
      health: healthByName({
        'my-pod': 'Healthy',
        'hook-1': 'Degraded',
        'sync-fail-hook': 'Healthy',
      }),
    });
    context.setResources(resources([target], [undefined]));
    context.hooks = [syncHook, failHook];
    context.sync();
    expect(context.getState().message).toBe(
      'waiting for completion of hook /Pod/hook-1 and 1 more resources',
    );
    context.setResources(resources([target, undefined], [target, syncHook]));
    context.sync();
    let state = context.getState();
    expect([state.phase, state.message]).toEqual([
      'Running',
      'waiting for completion of hook /Pod/sync-fail-hook',
    ]);
    expect(state.resources).toHaveLength(3);
    context.setResources(resources([target, undefined, undefined], [target, syncHook, failHook]));
    context.sync();
    state = context.getState();
    expect([state.phase, state.message]).toEqual([
      'Failed',
      'one or more synchronization tasks completed unsuccessfully',
    ]);
    expect(state.resources).toHaveLength(3);
  });
});

describe('sync_context_test.go: tasks of a sync (getSyncTasks)', () => {
  const cr: KubeObject = {
    apiVersion: 'test.io/v1',
    kind: 'TestCrd',
    metadata: { name: 'my-resource' },
  };
  const cases: [
    string,
    { annotated?: boolean; appLevel?: boolean; present?: boolean; inSync?: boolean },
    boolean,
    boolean,
  ][] = [
    ['unknown crd', {}, true, false],
    ['crd present in same sync', { inSync: true }, false, true],
    ['crd is already present in cluster', { present: true }, true, true],
    [
      'crd is already present in cluster, skip dry run annotated',
      { present: true, annotated: true },
      true,
      true,
    ],
    ['unknown crd, skip dry run annotated', { annotated: true }, false, true],
    ['unknown crd, skip dry run annotated on app level', { appLevel: true }, false, true],
  ];
  for (const [name, fields, wantDryRun, wantSuccess] of cases) {
    it(`TestSyncCustomResources: ${name}`, () => {
      const context = testSyncContext(
        { skipDryRunOnMissingResource: Boolean(fields.appLevel) },
        { knownKinds: fields.present ? ['test.io/v1/TestCrd'] : [] },
      );
      const object = fields.annotated
        ? {
            ...cr,
            metadata: {
              ...cr.metadata,
              annotations: {
                'argocd.argoproj.io/sync-options': 'SkipDryRunOnMissingResource=true',
              },
            },
          }
        : cr;
      const targets = fields.inSync ? [object, crd] : [object];
      context.setResources(
        resources(
          targets,
          targets.map(() => undefined),
        ),
      );
      const { tasks, successful } = buildSyncTasks(context);
      expect(successful).toBe(wantSuccess);
      if (!wantSuccess) return;
      const task = tasks.find((t) => t.kind() === 'TestCrd')!;
      expect(!task.skipDryRun).toBe(wantDryRun);
    });
  }

  it('TestPruneLast: prune tasks move to one wave after the last Sync wave', () => {
    const pods = (annotations: (Record<string, string> | undefined)[]) =>
      annotations.map((a, i) => pod(`pod-${i + 1}`, a));
    const lastWave = (pruneLast: boolean, annotations: (Record<string, string> | undefined)[]) => {
      const [pod1, pod2, pod3] = pods(annotations);
      const context = testSyncContext({ pruneLast });
      context.setResources(resources([pod1, undefined, undefined], [undefined, pod2, pod3]));
      const { tasks, successful } = buildSyncTasks(context);
      expect([successful, tasks.length]).toEqual([true, 3]);
      return tasksLastWave(tasks);
    };
    const w = (value: string, extra: Record<string, string> = {}) => ({
      'argocd.argoproj.io/sync-wave': value,
      ...extra,
    });
    expect(lastWave(true, [undefined, undefined, undefined])).toBe(1);
    expect(lastWave(true, [w('2'), w('1'), w('7')])).toBe(8);
    const pruneLast = { 'argocd.argoproj.io/sync-options': 'PruneLast=true' };
    expect(lastWave(false, [w('2'), w('1', pruneLast), w('7', pruneLast)])).toBe(8);
  });

  describe('TestWaveReorderingOfPruneTasks: prune waves run in reverse', () => {
    const objects = (waves: Record<string, string | undefined>, pruneLastOn: string[] = []) => {
      const annotate = (object: KubeObject, name: string) => {
        const value = waves[name];
        if (value === undefined) return object;
        return wave(
          object,
          value,
          pruneLastOn.includes(name) ? { 'argocd.argoproj.io/sync-options': 'PruneLast=true' } : {},
        );
      };
      return Object.fromEntries(
        ['ns', 'pod-1', 'pod-2', 'pod-3', 'pod-4', 'pod-5', 'pod-6', 'pod-7'].map((name) => [
          name,
          annotate(name === 'ns' ? namespaceObject('ns') : pod(name), name),
        ]),
      );
    };
    const run = (
      target: (string | undefined)[],
      live: (string | undefined)[],
      all: Record<string, KubeObject>,
      pruneLast = false,
    ) => {
      const context = testSyncContext({ pruneLast });
      context.setResources(
        resources(
          target.map((n) => (n ? all[n] : undefined)),
          live.map((n) => (n ? all[n] : undefined)),
        ),
      );
      const { tasks, successful } = buildSyncTasks(context);
      expect([successful, tasks.length]).toEqual([true, target.length]);
      return Object.fromEntries(tasks.map((t) => [t.name(), t.wave()]));
    };
    const five = ['ns', 'pod-1', 'pod-2', 'pod-3', 'pod-4'];
    const none = [undefined, undefined, undefined, undefined, undefined];
    const same = objects({});
    const zeros = { ns: 0, 'pod-1': 0, 'pod-2': 0, 'pod-3': 0, 'pod-4': 0 };
    it('same wave: no change', () => {
      expect(run(five, none, same)).toEqual(zeros);
      expect(run(none, five, same)).toEqual(zeros);
      expect(
        run(
          ['ns', undefined, 'pod-2', undefined, undefined],
          ['ns', 'pod-1', undefined, 'pod-3', 'pod-4'],
          same,
        ),
      ).toEqual(zeros);
    });
    const waves04 = objects({ ns: '0', 'pod-1': '1', 'pod-2': '2', 'pod-3': '3', 'pod-4': '4' });
    it('different waves', () => {
      expect(run(five, none, waves04)).toEqual({
        ns: 0,
        'pod-1': 1,
        'pod-2': 2,
        'pod-3': 3,
        'pod-4': 4,
      });
      expect(run(none, five, waves04)).toEqual({
        ns: 4,
        'pod-1': 3,
        'pod-2': 2,
        'pod-3': 1,
        'pod-4': 0,
      });
      expect(
        run(
          ['ns', undefined, 'pod-2', undefined, undefined],
          ['ns', 'pod-1', undefined, 'pod-3', 'pod-4'],
          waves04,
        ),
      ).toEqual({
        'pod-1': 4,
        'pod-3': 3,
        'pod-4': 1,
        ns: 0,
        'pod-2': 2,
      });
    });
    it('prune last', () => {
      const withPruneLast = objects(
        { ns: '0', 'pod-1': '1', 'pod-2': '2', 'pod-3': '3', 'pod-4': '4' },
        ['pod-2'],
      );
      const target = ['ns', undefined, undefined, undefined, undefined];
      expect(run(target, five, withPruneLast, true)).toEqual({
        'pod-1': 5,
        'pod-2': 5,
        'pod-3': 5,
        'pod-4': 5,
        ns: 0,
      });
      expect(run(target, five, withPruneLast, false)).toEqual({
        'pod-1': 4,
        'pod-2': 5,
        'pod-3': 2,
        'pod-4': 1,
        ns: 0,
      });
    });
    it('mixed tasks', () => {
      const all = objects({
        ns: '-1',
        'pod-1': '1',
        'pod-2': '3',
        'pod-3': '3',
        'pod-4': '3',
        'pod-5': '4',
        'pod-6': '5',
        'pod-7': '5',
      });
      expect(
        run(
          ['ns', undefined, 'pod-2', undefined, undefined, undefined, 'pod-6', undefined],
          ['ns', 'pod-1', undefined, 'pod-3', 'pod-4', 'pod-5', 'pod-6', 'pod-7'],
          all,
        ),
      ).toEqual({
        'pod-1': 5,
        'pod-3': 4,
        'pod-4': 4,
        'pod-5': 3,
        'pod-7': 1,
        ns: -1,
        'pod-2': 3,
        'pod-6': 5,
      });
    });
  });
});
