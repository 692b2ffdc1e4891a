import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A scratch directory and an environment in which Helm sees no user config, repos or cluster. */
export interface IsolatedHelmHome {
  directory: string;
  env: Record<string, string>;
}

/**
 * Runs `work` with a fresh, empty Helm home (cache, config, data, HOME) and a minimal
 * environment: no KUBECONFIG, no repository list, no plugins, UTC and the C locale. The
 * directory is removed afterwards, whatever happens.
 */
export async function withIsolatedHelmHome<T>(
  work: (home: IsolatedHelmHome) => Promise<T>,
): Promise<T> {
  const directory = mkdtempSync(join(tmpdir(), 'gitops-helm-'));
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: directory,
    HELM_CACHE_HOME: join(directory, 'cache'),
    HELM_CONFIG_HOME: join(directory, 'config'),
    HELM_DATA_HOME: join(directory, 'data'),
    TZ: 'UTC',
    LC_ALL: 'C',
  };
  try {
    return await work({ directory, env });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
