import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../workspace/repository-root';

const fingerprintScript = join(
  repositoryRoot,
  'tools/gitops/src/testing/print-render-fingerprint.ts',
);

/** Renders in a separate Node process with the given environment and returns its fingerprint. */
async function fingerprintUnder(env: Record<string, string>): Promise<string> {
  const { stdout } = await execa('node', ['--import', 'tsx', fingerprintScript], {
    cwd: repositoryRoot,
    env: { ...env, TSX_TSCONFIG_PATH: join(repositoryRoot, 'tsconfig.json') },
  });
  return stdout.trim();
}

describe('render output', () => {
  it('is byte-identical across time zones and locales', async () => {
    const [utc, elsewhere] = await Promise.all([
      fingerprintUnder({ TZ: 'UTC', LANG: 'C', LC_ALL: 'C' }),
      fingerprintUnder({ TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' }),
    ]);
    expect(utc).toMatch(/^[0-9a-f]{64} \d+ files$/);
    expect(elsewhere).toBe(utc);
  });
});
