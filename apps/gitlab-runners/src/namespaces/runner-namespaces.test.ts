import { inventory, namespaces } from '@platform/config';
import { renderDefinition } from '@platform/core';
import { checkPolicy } from '@platform/policy';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import runnerNamespaces from './component';

const files = await renderDefinition(
  runnerNamespaces,
  { app: 'gitlab-runners', name: 'namespaces', inventory },
  'ci',
);
const byName = new Map(
  files.map((f) => {
    const namespace = parse(f.content) as {
      metadata: {
        name: string;
        labels: Record<string, string>;
        annotations?: Record<string, string>;
      };
    };
    return [namespace.metadata.name, namespace.metadata];
  }),
);

describe('the runner namespaces', () => {
  it('enforce, audit and warn restricted for managers and ordinary jobs, pinned to the cluster version', () => {
    for (const name of [namespaces.runnerManagers, namespaces.ciJobs]) {
      const labels = byName.get(name)!.labels;
      for (const mode of ['enforce', 'audit', 'warn']) {
        expect(labels[`pod-security.kubernetes.io/${mode}`]).toBe('restricted');
        expect(labels[`pod-security.kubernetes.io/${mode}-version`]).toBe('v1.33');
      }
      expect(byName.get(name)!.annotations).toBeUndefined();
    }
  });

  it('make only the privileged job namespace privileged, with its reason on the namespace', () => {
    const privileged = byName.get(namespaces.ciJobsPrivileged)!;
    expect(privileged.labels['pod-security.kubernetes.io/enforce']).toBe('privileged');
    expect(privileged.annotations?.['policy.platform/exempt.pss-restricted']).toMatch(
      /Docker-in-Docker/,
    );
    expect(privileged.annotations?.['policy.platform/exempt.pss-baseline']).toMatch(
      /Docker-in-Docker/,
    );
    const others = [...byName.entries()].filter(([name]) => name !== namespaces.ciJobsPrivileged);
    for (const [, metadata] of others)
      expect(metadata.labels['pod-security.kubernetes.io/enforce']).not.toBe('privileged');
  });

  it('pass every policy rule', () => {
    expect(checkPolicy(files).findings).toEqual([]);
  });
});
