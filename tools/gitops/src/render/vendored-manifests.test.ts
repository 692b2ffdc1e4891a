import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { repositoryRoot } from '../workspace/repository-root';
import { vendoredManifests } from './vendored-manifests';

const argocdInstall = { name: 'argo-cd-ha-install', version: '3.5.1' };
const installFile = 'vendor/argocd/argo-cd-v3.5.1-ha-install.yaml';
let scratch: string | undefined;
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

function vendorCopy(): string {
  scratch = mkdtempSync(join(tmpdir(), 'gitops-vendor-'));
  cpSync(join(repositoryRoot, 'vendor'), join(scratch, 'vendor'), { recursive: true });
  return scratch;
}

it('gives a component the parsed documents of a locked manifest, a fresh copy each time', () => {
  const vendored = vendoredManifests(repositoryRoot);
  const documents = vendored(argocdInstall) as { kind: string }[];
  expect(documents.filter((d) => d.kind === 'CustomResourceDefinition')).toHaveLength(3);
  documents[0]!.kind = 'Changed';
  expect((vendored(argocdInstall)[0] as { kind: string }).kind).toBe('CustomResourceDefinition');
});

it('refuses a vendored install bumped without its lock entry, naming the file and both digests', () => {
  const root = vendorCopy();
  appendFileSync(join(root, installFile), '# a different release\n');
  expect(() => vendoredManifests(root)(argocdInstall)).toThrow(
    new RegExp(
      `${installFile} has sha256 [0-9a-f]{64}, but vendor/vendor.lock.json expects 1d7b6baa`,
    ),
  );
});
