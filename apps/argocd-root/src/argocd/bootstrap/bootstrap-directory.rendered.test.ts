import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { committedObjects, repositoryRoot } from '@platform/rendered-tree';
import { applicationHealthCheckKey } from '../settings/application-health-check';
import { selfContainmentProblems, type BootstrapObject } from './self-contained';

/** Step 1 of the bootstrap: the rendered Argo CD component. */
const bootstrapDirectory = 'rendered/mgmt/argocd-root/argocd';
const objects = committedObjects(bootstrapDirectory) as BootstrapObject[];

describe(`the bootstrap directory ${bootstrapDirectory}`, () => {
  it('is rendered', () => {
    expect(objects.length, `${bootstrapDirectory} holds no objects`).toBeGreaterThan(0);
  });

  it('applies to an empty cluster by itself: namespace, CRDs first, every reference inside', () => {
    expect(selfContainmentProblems(objects)).toEqual([]);
  });

  it('holds Argo CD: its CRDs, its controller and its settings', () => {
    const names = objects.map((o) => `${o.kind}/${o.metadata.name}`);
    for (const expected of [
      'Namespace/argocd',
      'CustomResourceDefinition/applications.argoproj.io',
      'StatefulSet/argocd-application-controller',
      'ConfigMap/argocd-cm',
    ])
      expect(names).toContain(expected);
  });

  it('gives Argo CD the Application health check in argocd-cm, with nothing to patch by hand', () => {
    const argocdCm = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'argocd-cm');
    expect(argocdCm?.data?.[applicationHealthCheckKey]).toContain('obj.status.health.status');
  });

  it("is what the README's bootstrap applies, server-side, namespace first, then the root", () => {
    const readme = readFileSync(join(repositoryRoot, 'README.md'), 'utf8');
    const commands = [...readme.matchAll(/^\s*(kubectl apply .*)$/gm)].map((m) => m[1]!);
    expect(commands).toHaveLength(2);
    expect(commands[0]).toBe(
      `kubectl apply --server-side -f ${bootstrapDirectory}/namespace-argocd.yaml -f ${bootstrapDirectory}/`,
    );
    for (const command of commands)
      for (const [, path] of command.matchAll(/-f (\S+)/g))
        expect(existsSync(join(repositoryRoot, path!)), path).toBe(true);
    expect(commands[1]).toMatch(/application-argocd-argocd-root\.yaml/);
  });
});
