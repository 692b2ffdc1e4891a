import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { temporaryVendorRoot } from './temporary-vendor-root';
import {
  readVendorLock,
  serializeVendorLock,
  withLockedArtifact,
  writeVendorLock,
  type LockedArtifact,
} from './vendor-lock';

function artifact(name: string, version: string, extra: Partial<LockedArtifact> = {}) {
  return {
    kind: 'chart',
    name,
    version,
    path: `vendor/charts/${name}-${version}.tgz`,
    sha256: 'a'.repeat(64),
    provenance: { repository: 'https://charts.example.com', build: 'pulled' },
    ...extra,
  } satisfies LockedArtifact;
}

let dispose = () => {};
afterEach(() => dispose());

describe('the vendor lock file', () => {
  it('serializes artifacts sorted by path, with keys in a fixed order, whatever the input order', () => {
    const b = artifact('zeta', '1.0.0');
    const a = {
      provenance: { build: 'pulled', repository: 'oci://registry.example.com/charts' },
      sha256: 'b'.repeat(64),
      path: 'vendor/charts/alpha-2.0.0.tgz',
      version: '2.0.0',
      name: 'alpha',
      kind: 'chart',
    } satisfies LockedArtifact;
    const one = serializeVendorLock({ lockVersion: 1, artifacts: [b, a] });
    const other = serializeVendorLock({ lockVersion: 1, artifacts: [a, b] });
    expect(one).toBe(other);
    expect(one.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(one) as { artifacts: LockedArtifact[] };
    expect(parsed.artifacts.map((x) => x.name)).toEqual(['alpha', 'zeta']);
    expect(Object.keys(parsed.artifacts[0]!)).toEqual([
      'kind',
      'name',
      'version',
      'path',
      'sha256',
      'provenance',
    ]);
    expect(Object.keys(parsed.artifacts[0]!.provenance)).toEqual(['repository', 'build']);
  });

  it('round-trips through write and read, and replaces an entry of the same chart and version', () => {
    const fixture = temporaryVendorRoot([]);
    dispose = fixture.dispose;
    const first = artifact('karpenter', '1.14.1');
    writeVendorLock(fixture.root, { lockVersion: 1, artifacts: [first] });
    expect(readVendorLock(fixture.root).artifacts).toEqual([first]);
    const replaced = artifact('karpenter', '1.14.1', { sha256: 'c'.repeat(64) });
    const lock = withLockedArtifact(readVendorLock(fixture.root), replaced);
    writeVendorLock(fixture.root, lock);
    const bytes = readFileSync(join(fixture.root, 'vendor/vendor.lock.json'), 'utf8');
    expect(readVendorLock(fixture.root).artifacts).toEqual([replaced]);
    expect(bytes).toBe(serializeVendorLock(lock));
  });

  it('refuses an entry with a malformed digest, naming it', () => {
    const fixture = temporaryVendorRoot([]);
    dispose = fixture.dispose;
    writeVendorLock(fixture.root, {
      lockVersion: 1,
      artifacts: [artifact('karpenter', '1.14.1', { sha256: 'ABC' })],
    });
    expect(() => readVendorLock(fixture.root)).toThrow(
      'vendor/vendor.lock.json: artifacts[0].sha256 must be 64 lowercase hex digits',
    );
  });
});
