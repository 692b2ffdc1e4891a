import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Environment variable naming a kubeconform binary; it takes precedence over PATH. */
export const kubeconformEnvironmentVariable = 'KUBECONFORM';

/**
 * The kubeconform executable to use: $KUBECONFORM if set (it must then be executable, a typo
 * must not silently fall back), else the first `kubeconform` on PATH, else undefined.
 */
export function findKubeconform(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env[kubeconformEnvironmentVariable];
  if (configured) {
    if (!isExecutableFile(configured))
      throw new Error(`${kubeconformEnvironmentVariable}=${configured} is not an executable file`);
    return configured;
  }
  for (const directory of (env.PATH ?? '').split(delimiter)) {
    if (!directory) continue;
    const candidate = join(directory, 'kubeconform');
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
