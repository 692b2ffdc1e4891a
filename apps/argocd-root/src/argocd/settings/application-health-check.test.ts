import { argocdNamespace } from '@platform/config';
import { executeHealthLua } from '@platform/converge';
import { describe, expect, it } from 'vitest';
import { rootApplicationName } from '../../app-of-apps/application-naming';
import { applicationHealthCheckLua } from './application-health-check';

// Runs the generated script in a Lua 5.1 interpreter, without the standard libraries Argo CD
// withholds from argocd-cm scripts (util/lua/lua.go: base, table and a safe os only).
const script = applicationHealthCheckLua({ name: rootApplicationName, namespace: argocdNamespace });
const health = (name: string, status?: Record<string, unknown>) =>
  executeHealthLua(
    {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name, namespace: argocdNamespace },
      ...(status ? { status } : {}),
    },
    script,
    false,
  );

describe('the Application health check in argocd-cm', () => {
  it("is Healthy for the root's own Application, even while its own sync runs", () => {
    expect(
      health(rootApplicationName, {
        sync: { status: 'OutOfSync' },
        health: { status: 'Progressing' },
        operationState: { phase: 'Running' },
      }),
    ).toMatchObject({ status: 'Healthy' });
  });

  it('waits for a child that has no status yet, or is syncing, or is out of sync', () => {
    expect(health('child')).toMatchObject({ status: 'Progressing' });
    expect(
      health('child', {
        sync: { status: 'Synced' },
        health: { status: 'Healthy' },
        operationState: { phase: 'Running' },
      }),
    ).toEqual({ status: 'Progressing', message: 'sync operation running' });
    expect(
      health('child', { sync: { status: 'OutOfSync' }, health: { status: 'Healthy' } }),
    ).toMatchObject({ status: 'Progressing' });
  });

  it('is Degraded for a child whose operation failed with its retries used up', () => {
    expect(
      health('child', {
        sync: { status: 'OutOfSync' },
        health: { status: 'Missing' },
        operationState: {
          phase: 'Failed',
          message: 'one or more objects failed to apply (retried 5 times).',
        },
      }),
    ).toEqual({
      status: 'Degraded',
      message: 'sync Failed: one or more objects failed to apply (retried 5 times).',
    });
  });

  it("passes on a synced child's own health", () => {
    expect(
      health('child', {
        sync: { status: 'Synced' },
        health: { status: 'Healthy' },
        operationState: { phase: 'Succeeded' },
      }),
    ).toMatchObject({ status: 'Healthy' });
    expect(
      health('child', { sync: { status: 'Synced' }, health: { status: 'Degraded', message: 'x' } }),
    ).toEqual({ status: 'Degraded', message: 'x' });
  });
});
