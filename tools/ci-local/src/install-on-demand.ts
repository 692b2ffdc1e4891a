import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';

/**
 * Installs a CI tool from its own lockfile into tools/ci-local/<tool>/node_modules the first time a
 * test needs it, so `npm ci` at the root stays small for everyone else. Install scripts are off:
 * the native re2 module would have to be compiled (gitlab-ci-local gets a RegExp stand-in through
 * an npm override; Renovate falls back to RegExp by itself).
 */
export async function installOnDemand(toolDirectory: string, binary: string): Promise<string> {
  const bin = join(toolDirectory, 'node_modules', '.bin', binary);
  if (!existsSync(bin)) {
    process.stdout.write(`installing ${binary} into ${toolDirectory} (first run only)\n`);
    await execa('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: toolDirectory,
      stdio: 'inherit',
    });
  }
  return bin;
}
