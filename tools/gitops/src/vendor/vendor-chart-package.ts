import { copyFileSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sha256File } from './sha256-file';
import { vendoredChartPath } from './vendored-artifact';
import { VendoredArtifactError } from './vendored-artifact-error';
import {
  readVendorLock,
  vendorLayout,
  withLockedArtifact,
  writeVendorLock,
  type LockedArtifact,
} from './vendor-lock';

export interface ChartPackageOrigin {
  chart: string;
  version: string;
  /** The Helm repository it was pulled from; recorded as its provenance. */
  repository: string;
  /** Free text recorded as how it was obtained. */
  build: string;
  /** A date the user gave (`YYYY-MM-DD`); never the clock, so re-running changes nothing. */
  pulled?: string;
}

/**
 * Copies a downloaded chart package to `vendor/charts/<chart>-<version>.tgz` and locks its sha256.
 * An already locked version with other bytes is refused: a pin's package never changes silently.
 */
export function vendorChartPackage(
  root: string,
  origin: ChartPackageOrigin,
  downloadedPackage: string,
): LockedArtifact {
  const path = vendoredChartPath(origin.chart, origin.version);
  const subject = `chart ${origin.chart}@${origin.version}`;
  const sha256 = sha256File(downloadedPackage);
  const lock = readVendorLock(root);
  const existing = lock.artifacts.find(
    (a) => a.kind === 'chart' && a.name === origin.chart && a.version === origin.version,
  );
  if (existing && existing.sha256 !== sha256)
    throw new VendoredArtifactError(
      `${subject} is already locked in ${vendorLayout.lockFile} with sha256 ${existing.sha256}, and the downloaded package has ${sha256}; remove ${existing.path} and its lock entry first if you mean to replace it`,
      { subject, file: existing.path },
    );
  const target = join(root, path);
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  copyFileSync(downloadedPackage, temporary);
  renameSync(temporary, target);
  const artifact: LockedArtifact = existing ?? {
    kind: 'chart',
    name: origin.chart,
    version: origin.version,
    path,
    sha256,
    provenance: { repository: origin.repository, build: origin.build, pulled: origin.pulled },
  };
  writeVendorLock(root, withLockedArtifact(lock, artifact));
  return artifact;
}
