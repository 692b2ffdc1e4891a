import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { repositoryRoot } from '../../workspace/repository-root';
import { main } from '../../main';

const restrictedNamespace = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: restricted
    pod-security.kubernetes.io/enforce-version: v1.33
    pod-security.kubernetes.io/audit: restricted
    pod-security.kubernetes.io/audit-version: v1.33
    pod-security.kubernetes.io/warn: restricted
    pod-security.kubernetes.io/warn-version: v1.33
`;

const privilegedNamespace = `apiVersion: v1
kind: Namespace
metadata:
  name: builds
  annotations:
    policy.platform/exempt.pss-baseline: Docker-in-Docker builds.
    policy.platform/exempt.pss-restricted: Docker-in-Docker builds.
  labels:
    pod-security.kubernetes.io/enforce: privileged
    pod-security.kubernetes.io/enforce-version: v1.33
    pod-security.kubernetes.io/audit: privileged
    pod-security.kubernetes.io/audit-version: v1.33
    pod-security.kubernetes.io/warn: privileged
    pod-security.kubernetes.io/warn-version: v1.33
`;

const openServiceAccount = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: web
  namespace: shop
`;

let root: string;
let output: string;

function writeTree(files: Record<string, string>) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

const run = (options: { json?: boolean; positionals?: string[] } = {}) =>
  main(['policy', ...(options.positionals ?? []), ...(options.json ? ['--json'] : [])], root);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gitops-policy-'));
  output = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    output += String(chunk);
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

describe('gitops policy', () => {
  it('checks rendered/ by default and prints the exemptions in force and a summary, exiting 0', async () => {
    writeTree({
      'rendered/ci/shop/namespaces/namespace-shop.yaml': restrictedNamespace,
      'rendered/ci/builds/namespaces/namespace-builds.yaml': privilegedNamespace,
    });
    expect(await run()).toBe(0);
    expect(output.split('\n')).toEqual([
      'exemptions in force:',
      '  rendered/ci/builds/namespaces/namespace-builds.yaml:6  Namespace/builds  exempt from pss-baseline: Docker-in-Docker builds.',
      '  rendered/ci/builds/namespaces/namespace-builds.yaml:7  Namespace/builds  exempt from pss-restricted: Docker-in-Docker builds.',
      'policy: 2 files, 2 resources, 0 errors, 0 warnings, 2 exemptions',
      '',
    ]);
  });

  it('prints each finding with its location and rule and exits 1 on an error', async () => {
    writeTree({ 'rendered/ci/shop/web/serviceaccount-shop-web.yaml': openServiceAccount });
    expect(await run()).toBe(1);
    expect(output.split('\n')).toEqual([
      'rendered/ci/shop/web/serviceaccount-shop-web.yaml:1:1  ServiceAccount/shop/web  automountServiceAccountToken  ServiceAccount does not set automountServiceAccountToken: false, so every pod using it gets an API token  [service-account-token-automount]',
      'policy: 1 file, 1 resource, 1 error, 0 warnings, 0 exemptions',
      '',
    ]);
  });

  it('checks only the paths it is given', async () => {
    writeTree({
      'rendered/ci/shop/web/serviceaccount-shop-web.yaml': openServiceAccount,
      'rendered/ci/shop/namespaces/namespace-shop.yaml': restrictedNamespace,
    });
    expect(await run({ positionals: [join(root, 'rendered/ci/shop/namespaces')] })).toBe(0);
    expect(output).toContain('policy: 1 file, 1 resource, 0 errors');
  });

  it('prints findings, exemptions and summary as JSON with --json', async () => {
    writeTree({
      'rendered/ci/shop/web/serviceaccount-shop-web.yaml': openServiceAccount,
      'rendered/ci/builds/namespaces/namespace-builds.yaml': privilegedNamespace,
    });
    expect(await run({ json: true })).toBe(1);
    const printed = JSON.parse(output) as Record<string, unknown>;
    expect(Object.keys(printed)).toEqual(['findings', 'exemptions', 'summary']);
    expect(printed.findings).toEqual([
      expect.objectContaining({
        file: 'rendered/ci/shop/web/serviceaccount-shop-web.yaml',
        line: 1,
        rule: 'service-account-token-automount',
        severity: 'error',
      }),
    ]);
    expect(printed.exemptions).toHaveLength(2);
    expect(printed.summary).toEqual({
      files: 2,
      resources: 2,
      errors: 1,
      warnings: 0,
      exemptions: 2,
    });
  });

  it('passes the committed rendered/ tree', async () => {
    expect(await main(['policy'], repositoryRoot)).toBe(0);
    expect(output).toMatch(/policy: \d+ files, \d+ resources, 0 errors/);
  });
});
