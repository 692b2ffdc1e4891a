import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { HelmError } from './helm-error';
import { withIsolatedHelmHome } from './isolated-helm-home';
import { resolveHelm, type HelmBinary } from './resolve-helm';

export interface HelmPullRequest {
  chart: string;
  version: string;
  /** A Helm repository URL, or `oci://registry/path` (without the chart name). */
  repository: string;
}

// A pull is the one Helm call that needs the network: let the user's proxy settings through.
const proxyVariables = [
  'HTTPS_PROXY',
  'HTTP_PROXY',
  'NO_PROXY',
  'https_proxy',
  'http_proxy',
  'no_proxy',
];

// Helm's wording when the network, DNS or the server is not there.
const unreachable =
  /dial tcp|no such host|connection refused|i\/o timeout|cannot be reached|network is unreachable|TLS handshake/i;

/**
 * Downloads one exact chart version with the pinned Helm (no repository list, no credentials)
 * and hands the package's path to `keep` before the scratch directory is removed. The package's
 * own Chart.yaml must name the requested chart and version.
 */
export async function helmPull<T>(
  request: HelmPullRequest,
  keep: (downloadedPackage: string) => T,
  helm?: HelmBinary,
): Promise<T> {
  const binary = helm ?? (await resolveHelm());
  const { execa } = await import('execa');
  const label = `${request.chart}@${request.version} from ${request.repository}`;
  return withIsolatedHelmHome(async ({ directory, env }) => {
    for (const name of proxyVariables) if (process.env[name]) env[name] = process.env[name]!;
    const destination = join(directory, 'download');
    mkdirSync(destination);
    const run = (args: string[]) =>
      execa(binary.path, args, { env, extendEnv: false, reject: false, cwd: directory });
    const pulled = await run([...helmPullArguments(request), '--destination', destination]);
    if (pulled.exitCode !== 0) {
      const reason = pulled.stderr.trim() || `exit ${pulled.exitCode ?? pulled.signal}`;
      const offline = unreachable.test(reason)
        ? ' (the repository cannot be reached: pulling needs network access)'
        : '';
      throw new HelmError(`helm pull of ${label} failed${offline}: ${reason}`, pulled.stderr);
    }
    const files = readdirSync(destination).filter((file) => file.endsWith('.tgz'));
    if (files.length !== 1)
      throw new HelmError(`helm pull of ${label} left ${files.length} packages, expected one`);
    const downloaded = join(destination, files[0]!);
    const shown = await run(['show', 'chart', downloaded]);
    const metadata = (shown.exitCode === 0 ? parse(shown.stdout) : {}) as Record<string, unknown>;
    if (metadata.name !== request.chart || String(metadata.version) !== request.version)
      throw new HelmError(
        `helm pull of ${label} gave a package whose Chart.yaml says ${String(metadata.name)}@${String(metadata.version)}`,
      );
    return keep(downloaded);
  });
}

/** `helm pull` arguments: an OCI reference is `<repository>/<chart>`, else `--repo`. */
export function helmPullArguments(request: HelmPullRequest): string[] {
  const version = ['--version', request.version];
  if (request.repository.startsWith('oci://'))
    return ['pull', `${request.repository.replace(/\/+$/, '')}/${request.chart}`, ...version];
  return ['pull', request.chart, '--repo', request.repository, ...version];
}
