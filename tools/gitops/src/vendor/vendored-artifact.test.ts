import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { temporaryVendorRoot } from './temporary-vendor-root';
import { vendoredChartPackage, vendoredManifest } from './vendored-artifact';
import { VendoredArtifactError } from './vendored-artifact-error';

const declaredIn = 'libs/charts/src/karpenter/karpenter-chart.ts';
const karpenter = {
  kind: 'chart' as const,
  name: 'karpenter',
  version: '1.14.1',
  path: 'vendor/charts/karpenter-1.14.1.tgz',
  bytes: 'a stand-in chart package',
};
const install = {
  kind: 'manifest' as const,
  name: 'argo-cd-ha-install',
  version: '3.5.1',
  path: 'vendor/argocd/argo-cd-v3.5.1-ha-install.yaml',
  bytes: 'kind: List\n',
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let dispose = () => {};
afterEach(() => dispose());
function vendorRoot(...artifacts: (typeof karpenter | typeof install)[]): string {
  const fixture = temporaryVendorRoot(artifacts);
  dispose = fixture.dispose;
  return fixture.root;
}

function thrown(action: () => unknown): VendoredArtifactError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(VendoredArtifactError);
    return error as VendoredArtifactError;
  }
  throw new Error('expected a VendoredArtifactError');
}

describe('vendoredChartPackage', () => {
  it('returns the absolute path of a locked package whose digest matches', () => {
    const root = vendorRoot(karpenter);
    expect(vendoredChartPackage(root, { chart: 'karpenter', version: '1.14.1' })).toBe(
      join(root, karpenter.path),
    );
  });

  it('fails for a pin without a vendored package, naming the pin, its file and how to pull it', () => {
    const root = vendorRoot(karpenter);
    const error = thrown(() =>
      vendoredChartPackage(
        root,
        { chart: 'karpenter', version: '1.15.0', repository: 'oci://public.ecr.aws/karpenter' },
        declaredIn,
      ),
    );
    expect(error.message).toBe(
      `chart pin karpenter@1.15.0 (${declaredIn}): no vendored package vendor/charts/karpenter-1.15.0.tgz in vendor/vendor.lock.json; run \`gitops charts pull karpenter 1.15.0 --repository oci://public.ecr.aws/karpenter\``,
    );
    expect(error.details).toEqual({
      subject: 'chart pin karpenter@1.15.0',
      declaredIn,
      file: 'vendor/charts/karpenter-1.15.0.tgz',
    });
  });

  it('fails for a package whose bytes differ from the lock, naming file, expected and actual digest', () => {
    const root = vendorRoot(karpenter);
    // Verified once first: the per-process digest cache must notice the later change.
    vendoredChartPackage(root, { chart: 'karpenter', version: '1.14.1' });
    appendFileSync(join(root, karpenter.path), ' tampered');
    const error = thrown(() =>
      vendoredChartPackage(root, { chart: 'karpenter', version: '1.14.1' }, declaredIn),
    );
    const expected = sha256(karpenter.bytes);
    const actual = sha256(`${karpenter.bytes} tampered`);
    expect(error.message).toContain(
      `chart pin karpenter@1.14.1 (${declaredIn}): vendor/charts/karpenter-1.14.1.tgz has sha256 ${actual}, but vendor/vendor.lock.json expects ${expected}`,
    );
  });

  it('fails when the lock lists a package whose file is missing', () => {
    const root = vendorRoot(karpenter);
    rmSync(join(root, karpenter.path));
    expect(() => vendoredChartPackage(root, { chart: 'karpenter', version: '1.14.1' })).toThrow(
      'chart pin karpenter@1.14.1: vendor/vendor.lock.json lists vendor/charts/karpenter-1.14.1.tgz, but the file is missing',
    );
  });

  it('names the lock entry and field of a malformed lock', () => {
    const root = vendorRoot(karpenter);
    writeFileSync(
      join(root, 'vendor/vendor.lock.json'),
      JSON.stringify({ lockVersion: 1, artifacts: [{ kind: 'chart', name: 'karpenter' }] }),
    );
    expect(() => vendoredChartPackage(root, { chart: 'karpenter', version: '1.14.1' })).toThrow(
      'vendor/vendor.lock.json: artifacts[0].version must be a non-empty string',
    );
  });
});

describe('vendoredManifest', () => {
  it('finds a manifest by name and version, or by name alone when one version is locked', () => {
    const root = vendorRoot(karpenter, install);
    const path = join(root, install.path);
    expect(vendoredManifest(root, { name: 'argo-cd-ha-install', version: '3.5.1' })).toBe(path);
    expect(vendoredManifest(root, 'argo-cd-ha-install')).toBe(path);
  });

  it('fails for an unlocked manifest and for changed bytes, naming the manifest and its declaration', () => {
    const root = vendorRoot(install);
    expect(() =>
      vendoredManifest(root, { name: 'argo-cd-ha-install', version: '3.6.0' }, 'apps/x.ts'),
    ).toThrow('manifest argo-cd-ha-install@3.6.0 (apps/x.ts): not in vendor/vendor.lock.json');
    writeFileSync(join(root, install.path), 'kind: Edited\n');
    expect(() => vendoredManifest(root, 'argo-cd-ha-install', 'apps/x.ts')).toThrow(
      /^manifest argo-cd-ha-install@3\.5\.1 \(apps\/x\.ts\): vendor\/argocd\/argo-cd-v3\.5\.1-ha-install\.yaml has sha256 [0-9a-f]{64}, but vendor\/vendor\.lock\.json expects/,
    );
  });
});
