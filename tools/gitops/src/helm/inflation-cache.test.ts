import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HelmTemplateRequest } from './helm-template';
import { inflationCache, inflationKey } from './inflation-cache';

const scratch = mkdtempSync(join(tmpdir(), 'gitops-inflation-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const request: HelmTemplateRequest = {
  chartPackage: '/somewhere/karpenter-1.14.1.tgz',
  releaseName: 'karpenter',
  namespace: 'kube-system',
  kubeVersion: '1.33',
  apiVersions: ['monitoring.coreos.com/v1'],
  includeCrds: false,
  values: { settings: { clusterName: 'ci' } },
};
const chart = 'a'.repeat(64);
const helm = 'b'.repeat(64);

describe('inflationKey', () => {
  const key = inflationKey(request, chart, helm);

  it('changes with everything that decides the output', () => {
    const changed: [string, string][] = [
      ['the chart package digest', inflationKey(request, 'c'.repeat(64), helm)],
      ['the Helm binary digest', inflationKey(request, chart, 'd'.repeat(64))],
      [
        'the values',
        inflationKey({ ...request, values: { settings: { clusterName: 'ci2' } } }, chart, helm),
      ],
      ['the Kubernetes version', inflationKey({ ...request, kubeVersion: '1.34' }, chart, helm)],
      ['the release name', inflationKey({ ...request, releaseName: 'other' }, chart, helm)],
      ['the namespace', inflationKey({ ...request, namespace: 'karpenter' }, chart, helm)],
      ['the API versions', inflationKey({ ...request, apiVersions: [] }, chart, helm)],
      ['the CRDs', inflationKey({ ...request, includeCrds: true }, chart, helm)],
    ];
    for (const [what, other] of changed) expect([what, other]).not.toEqual([what, key]);
    expect(new Set(changed.map(([, other]) => other)).size).toBe(changed.length);
  });

  it('does not depend on where the same package bytes lie (another clone, another machine)', () => {
    expect(inflationKey({ ...request, chartPackage: '/elsewhere/x.tgz' }, chart, helm)).toBe(key);
  });
});

describe('inflationCache', () => {
  it('returns what was written, under its key only', () => {
    const cache = inflationCache(join(scratch, 'roundtrip'));
    expect(cache.read('k1')).toBeUndefined();
    cache.write('k1', 'kind: ConfigMap\n');
    expect(cache.read('k1')).toBe('kind: ConfigMap\n');
    expect(cache.read('k2')).toBeUndefined();
    expect(readdirSync(join(scratch, 'roundtrip'))).toEqual(['k1.yaml']);
  });

  it('treats an entry whose output does not match its digest (truncated, edited) as a miss', () => {
    const directory = join(scratch, 'damaged');
    const cache = inflationCache(directory);
    cache.write('k1', 'kind: ConfigMap\nmetadata:\n  name: a\n');
    expect(cache.read('k1')).toBe('kind: ConfigMap\nmetadata:\n  name: a\n');
    writeFileSync(join(directory, 'k1.yaml'), `# sha256 ${'0'.repeat(64)}\nkind: ConfigMap\n`);
    expect(cache.read('k1')).toBeUndefined();
  });
});
