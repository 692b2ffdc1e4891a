import { inventory, namespaces } from '@platform/config';
import { renderDefinition } from '@platform/core';
import { checkPolicy } from '@platform/policy';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import observabilityNamespaces from './component';

describe('the observability namespace', () => {
  const placement = { app: 'observability', name: 'namespaces', inventory };

  it('is privileged for the node agents, with the reason policy reports as an exemption', async () => {
    const files = await renderDefinition(observabilityNamespaces, placement, 'ci');
    expect(files).toHaveLength(1);
    const { metadata } = parse(files[0]!.content) as {
      metadata: { name: string; labels: Record<string, string> };
    };
    expect(metadata.name).toBe(namespaces.observability);
    expect(metadata.labels['pod-security.kubernetes.io/enforce']).toBe('privileged');
    const report = checkPolicy(files);
    expect(report.findings).toEqual([]);
    expect(report.exemptions.map((e) => e.rule).sort()).toEqual(['pss-baseline', 'pss-restricted']);
    expect(report.exemptions[0]!.reason).toMatch(/host paths/);
  });
});
