import { helmPull, pinnedHelm, resolveHelm } from '../helm';
import type { CommandOptions } from '../main';
import { vendorChartPackage, vendorLayout, verifyVendorTree } from '../vendor';
import { counted } from '@platform/manifests';

export const chartsUsage = `Usage:
  gitops charts verify                                   check vendor/ against vendor/vendor.lock.json
  gitops charts pull <chart> <version> --repository URL  download a chart version with the pinned
                     [--date YYYY-MM-DD]                 Helm into vendor/charts/ and lock its sha256`;

/**
 * `gitops charts verify | pull`. verify exits 1 on any finding; pull needs network access to the
 * repository and exits 1 when the download or the lock update fails; 2 on a usage error.
 */
export async function chartsCommand(options: CommandOptions): Promise<number> {
  const [subcommand, ...rest] = options.positionals;
  if (subcommand === 'verify' && rest.length === 0) return verifyCharts(options);
  if (subcommand === 'pull' && rest.length === 2) return pullChart(options, rest[0]!, rest[1]!);
  process.stderr.write(
    `gitops charts: expected verify, or pull <chart> <version>\n\n${chartsUsage}\n`,
  );
  return 2;
}

function verifyCharts(options: CommandOptions): number {
  const findings = verifyVendorTree(options.root);
  if (options.json) process.stdout.write(`${JSON.stringify({ findings }, null, 2)}\n`);
  else {
    for (const finding of findings) process.stdout.write(`${finding.file}  ${finding.message}\n`);
    process.stdout.write(
      findings.length === 0
        ? `${vendorLayout.lockFile}: every vendored file is locked and matches its sha256\n`
        : `${counted(findings.length, 'problem')} in ${vendorLayout.directory}/\n`,
    );
  }
  return findings.length === 0 ? 0 : 1;
}

async function pullChart(options: CommandOptions, chart: string, version: string): Promise<number> {
  const { repository, date } = options;
  if (!repository) {
    process.stderr.write(`gitops charts pull: --repository is required\n\n${chartsUsage}\n`);
    return 2;
  }
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    process.stderr.write(`gitops charts pull: --date must be YYYY-MM-DD (got "${date}")\n`);
    return 2;
  }
  const helm = await resolveHelm();
  const artifact = await helmPull(
    { chart, version, repository },
    (downloaded) =>
      vendorChartPackage(
        options.root,
        {
          chart,
          version,
          repository,
          build: `Published package, downloaded with \`helm pull\` (Helm ${helm.pinned ? pinnedHelm.version : `${helm.version} from HELM`})`,
          pulled: date,
        },
        downloaded,
      ),
    helm,
  );
  if (options.json) process.stdout.write(`${JSON.stringify({ artifact }, null, 2)}\n`);
  else
    process.stdout.write(
      `${artifact.path}  sha256 ${artifact.sha256}  locked in ${vendorLayout.lockFile}\n`,
    );
  return 0;
}
