import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

/** The repository root: libs/validate/src/upstream-agreement → four levels up. */
export const repositoryRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');

/** Upstream reference data for tests only (never read by product code): `<repo>/../shared/upstream`. */
export const upstreamDirectory = join(repositoryRoot, '..', 'shared', 'upstream');

/**
 * `describe` when the upstream reference data is present; otherwise the suite is skipped with the
 * reason printed, so a checkout without ../shared still runs every other test.
 */
export function describeWithUpstream(name: string, suite: () => void): void {
  if (existsSync(upstreamDirectory)) {
    describe(name, suite);
  } else {
    // The suite body reads the reference data while tests are collected, so it must not run at all.
    console.warn(`skipping "${name}": upstream reference data not found at ${upstreamDirectory}`);
    it.skip(`${name} (needs ${upstreamDirectory})`, () => {});
  }
}
