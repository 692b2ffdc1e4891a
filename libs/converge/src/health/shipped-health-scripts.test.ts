import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { executeHealthLua } from '../lua/lua-health-vm';
import { builtInHealth } from './built-in-health';

const repository = join(__dirname, '../../../..');
const vendored = join(repository, 'vendor/argocd/resource_customizations');
const upstream = join(repository, '../shared/upstream/argocd/source-v3.5.1');
const scripts = readdirSync(vendored).flatMap((group) =>
  readdirSync(join(vendored, group)).map((kind) => `${group}/${kind}`),
);

// Argo CD's own test of its shipped scripts (util/lua/health_test.go, TestLuaHealthScript): every
// health_test.yaml case, its input object and the exact status and message it expects.
describe.skipIf(!existsSync(upstream))(
  'the Lua health scripts Argo CD 3.5.1 ships, in Lua 5.1',
  () => {
    it('are vendored for every kind whose script upstream tests (and nothing else)', () => {
      expect(scripts.length).toBeGreaterThan(0);
      for (const kind of scripts)
        expect(
          existsSync(join(upstream, 'resource_customizations', kind, 'health_test.yaml')),
          kind,
        ).toBe(true);
    });

    for (const kind of scripts) {
      const directory = join(upstream, 'resource_customizations', kind);
      const tests = existsSync(directory)
        ? ((load(readFileSync(join(directory, 'health_test.yaml'), 'utf8')) as any).tests as {
            inputPath: string;
            healthStatus: { status: string; message?: string };
          }[])
        : [];
      it(`${kind}: every upstream case (${tests.length}) gets its expected status and message`, () => {
        const script = readFileSync(join(vendored, kind, 'health.lua'), 'utf8');
        for (const test of tests) {
          const object = load(readFileSync(join(directory, test.inputPath), 'utf8')) as any;
          const expected = {
            status: test.healthStatus.status,
            ...(test.healthStatus.message ? { message: test.healthStatus.message } : {}),
          };
          expect(executeHealthLua(object, script, true), `${kind} ${test.inputPath}`).toEqual(
            expected,
          );
        }
      });
    }
  },
);

if (!existsSync(upstream)) console.log(`skipped: ${upstream} is absent (upstream health fixtures)`);

// gitops-engine pkg/health/health_test.go for the built-in checks ported here.
const builtInCases: [string, string | undefined][] = [
  ['deployment-progressing.yaml', 'Progressing'],
  ['deployment-suspended.yaml', 'Suspended'],
  ['deployment-degraded.yaml', 'Degraded'],
  ['statefulset.yaml', 'Healthy'],
  ['statefulset-ondelete.yaml', 'Healthy'],
  ['daemonset-ondelete.yaml', 'Healthy'],
  ['svc-clusterip.yaml', 'Healthy'],
  ['svc-loadbalancer.yaml', 'Healthy'],
  ['svc-loadbalancer-unassigned.yaml', 'Progressing'],
  ['svc-loadbalancer-nonemptylist.yaml', 'Healthy'],
  ['apiservice-v1-true.yaml', 'Healthy'],
  ['apiservice-v1-false.yaml', 'Progressing'],
  ['application-healthy.yaml', undefined],
  ['application-degraded.yaml', undefined],
  ['knative-service.yaml', undefined],
];

describe.skipIf(!existsSync(upstream))('the built-in health checks (health_test.go)', () => {
  for (const [file, expected] of builtInCases) {
    it(`${file}: ${expected ?? 'no health'}`, () => {
      const object = load(
        readFileSync(join(upstream, 'gitops-engine/pkg/health/testdata', file), 'utf8'),
        { json: true },
      ) as any;
      expect(builtInHealth(object)?.status).toBe(expected);
    });
  }
});
