import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * `<repo>/../shared/upstream`: reference data for cross-checks, never for rendering.
 * `UPSTREAM_REFERENCE_DIR` points elsewhere (a worktree whose parent has no shared/).
 */
export const upstreamDirectory =
  process.env.UPSTREAM_REFERENCE_DIR ?? resolve(__dirname, '../../../../../shared/upstream');

/**
 * The values.yaml of an upstream chart version: the extracted copy in upstream/values when there
 * is one, else read out of the packaged chart. Undefined (with the reason) when neither exists.
 */
export function upstreamValuesYaml(
  chart: string,
  version: string,
): { yaml: string } | { missing: string } {
  const extracted = resolve(upstreamDirectory, 'values', `${chart}-values.yaml`);
  const chartFile = resolve(upstreamDirectory, 'values', `${chart}-Chart.yaml`);
  if (existsSync(extracted) && readFileSync(chartFile, 'utf8').includes(`version: ${version}`))
    return { yaml: readFileSync(extracted, 'utf8') };
  const packaged = resolve(upstreamDirectory, 'charts', `${chart}-${version}.tgz`);
  if (existsSync(packaged))
    return {
      yaml: execFileSync('tar', ['-xzOf', packaged, `${chart}/values.yaml`], { encoding: 'utf8' }),
    };
  return { missing: `neither ${extracted} nor ${packaged} exists` };
}
