import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The repository root: libs/charts/src/upstream-agreement → four levels up. */
export const repositoryRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');

/**
 * The upstream reference snapshot, for tests only (never read by product code): `../shared/upstream`
 * beside the checkout, or the shared folder of the machine when the checkout is a worktree under
 * /work/wt. Undefined when neither exists; the suites then skip and say why.
 */
export const upstreamDirectory: string | undefined = [
  join(repositoryRoot, '..', 'shared', 'upstream'),
  '/work/shared/upstream',
].find((candidate) => existsSync(candidate));

export function upstreamValues(chart: string): unknown {
  return parse(readFileSync(join(upstreamDirectory!, 'values', `${chart}-values.yaml`), 'utf8'));
}

/** A file inside an upstream chart package, read with the system tar (tests only). */
export function upstreamChartFile(packageFile: string, path: string): string {
  return execFileSync('tar', ['-xzOf', join(upstreamDirectory!, 'charts', packageFile), path], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

export function hasKeyPath(values: unknown, path: readonly string[]): boolean {
  let node = values;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !(key in node))
      return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}
