import { counted } from '@platform/manifests';
import type { Invocation } from '../../cli/command';
import { CommandFailure, type CommandReport } from '../../cli/command-report';
import { helmPull, pinnedHelm, resolveHelm } from '../../helm';
import { vendorChartPackage, vendorLayout, verifyVendorTree } from '../../vendor';
import type { chartsPullOptions, chartsVerifyOptions } from './charts-command';

/** Every file under vendor/ present, locked and matching its sha256; exit 1 on any finding. */
export async function runChartsVerify({
  root,
}: Invocation<typeof chartsVerifyOptions>): Promise<CommandReport> {
  const findings = verifyVendorTree(root);
  return {
    exitCode: findings.length === 0 ? 0 : 1,
    json: { findings },
    text: () =>
      [
        ...findings.map((finding) => `${finding.file}  ${finding.message}`),
        findings.length === 0
          ? `${vendorLayout.lockFile}: every vendored file is locked and matches its sha256`
          : `${counted(findings.length, 'problem')} in ${vendorLayout.directory}/`,
      ].join('\n'),
  };
}

/** Downloads a chart version and locks it; exit 1 when the download or the lock update fails. */
export async function runChartsPull({
  root,
  options: { repository, date },
  arguments: [chart, version],
}: Invocation<typeof chartsPullOptions>): Promise<CommandReport> {
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw new CommandFailure(`--date must be YYYY-MM-DD (got "${date}")`, 2);
  const helm = await resolveHelm();
  const artifact = await helmPull(
    { chart: chart!, version: version!, repository: repository! },
    (downloaded) =>
      vendorChartPackage(
        root,
        {
          chart: chart!,
          version: version!,
          repository: repository!,
          build: `Published package, downloaded with \`helm pull\` (Helm ${helm.pinned ? pinnedHelm.version : `${helm.version} from HELM`})`,
          pulled: date,
        },
        downloaded,
      ),
    helm,
  );
  return {
    exitCode: 0,
    json: { artifact },
    text: () => `${artifact.path}  sha256 ${artifact.sha256}  locked in ${vendorLayout.lockFile}`,
  };
}
