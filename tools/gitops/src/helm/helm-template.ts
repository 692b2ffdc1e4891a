import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { HelmError } from './helm-error';
import { withIsolatedHelmHome } from './isolated-helm-home';
import { resolveHelm, type HelmBinary } from './resolve-helm';

/** One `helm template` run over a vendored, already verified chart package. */
export interface HelmTemplateRequest {
  /** Absolute path of the `.tgz` (from `vendoredChartPackage`). */
  chartPackage: string;
  releaseName: string;
  namespace: string;
  /** The cluster's Kubernetes version, `1.33` or `1.33.0`. */
  kubeVersion: string;
  /** Extra API versions the cluster will serve (`group/version` or `group/version/Kind`). */
  apiVersions: readonly string[];
  /** Render the chart's `crds/` too. */
  includeCrds: boolean;
  values: object;
}

/**
 * Renders a chart offline with the pinned Helm (or HELM): hooks included, tests skipped, values
 * from a file, in an empty Helm home. Returns Helm's stdout, a multi-document YAML stream.
 */
export async function helmTemplate(
  request: HelmTemplateRequest,
  helm?: HelmBinary,
): Promise<string> {
  const binary = helm ?? (await resolveHelm());
  // Loaded here, not at start-up: most runs of the CLI never start Helm.
  const { execa } = await import('execa');
  const chart = chartLabel(request.chartPackage);
  return withIsolatedHelmHome(async ({ directory, env }) => {
    const valuesFile = join(directory, 'values.json');
    // JSON is YAML: the values reach Helm exactly as typed, with no second serializer involved.
    writeFileSync(valuesFile, JSON.stringify(request.values));
    const result = await execa(binary.path, helmTemplateArguments(request, valuesFile), {
      env,
      extendEnv: false,
      reject: false,
      stripFinalNewline: false,
      cwd: directory,
    });
    if (result.exitCode !== 0)
      throw new HelmError(
        `helm template of chart ${chart} (release ${request.releaseName}, namespace ${request.namespace}) failed: ${result.stderr.trim() || `exit ${result.exitCode ?? result.signal}`}`,
        result.stderr,
      );
    return result.stdout;
  });
}

/** The argument list, apart so that tests and the README can show exactly what runs. */
export function helmTemplateArguments(request: HelmTemplateRequest, valuesFile: string): string[] {
  const apiVersions = [...new Set(request.apiVersions)].sort();
  return [
    'template',
    request.releaseName,
    request.chartPackage,
    '--namespace',
    request.namespace,
    '--kube-version',
    fullKubeVersion(request.kubeVersion),
    ...apiVersions.flatMap((apiVersion) => ['--api-versions', apiVersion]),
    ...(request.includeCrds ? ['--include-crds'] : []),
    '--skip-tests',
    '--values',
    valuesFile,
  ];
}

/** `1.33` → `1.33.0`; a full version passes unchanged. Anything else is refused. */
export function fullKubeVersion(kubeVersion: string): string {
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/.exec(kubeVersion);
  if (!match)
    throw new HelmError(
      `kubeVersion must look like 1.33 or 1.33.0 (got ${JSON.stringify(kubeVersion)})`,
    );
  return `${match[1]}.${match[2]}.${match[3] ?? '0'}`;
}

/** `karpenter-1.14.1.tgz` → `karpenter@1.14.1`, as vendored packages are named. */
function chartLabel(chartPackage: string): string {
  const match = /^(.+)-(v?\d+\.\d+\.\d+[^/]*)\.tgz$/.exec(basename(chartPackage));
  return match ? `${match[1]}@${match[2]}` : basename(chartPackage);
}
