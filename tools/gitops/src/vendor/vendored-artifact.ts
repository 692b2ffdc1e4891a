import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sha256File } from './sha256-file';
import { VendoredArtifactError } from './vendored-artifact-error';
import {
  readVendorLock,
  vendorLayout,
  type LockedArtifact,
  type VendoredArtifactKind,
} from './vendor-lock';

/** What a chart pin names; `repository` only makes the "how to pull it" hint exact. */
export interface VendoredChartRequest {
  chart: string;
  version: string;
  repository?: string;
}

/** A vendored manifest file, e.g. `{ name: 'argo-cd-ha-install', version: '3.5.1' }`. */
export interface VendoredManifestRequest {
  name: string;
  version: string;
}

/** Where a chart package is expected: `vendor/charts/<chart>-<version>.tgz`. */
export function vendoredChartPath(chart: string, version: string): string {
  return `${vendorLayout.chartsDirectory}/${chart}-${version}.tgz`;
}

/**
 * The absolute path of a chart pin's vendored package, after checking that the lock lists it and
 * that the file's sha256 is the locked one. `declaredIn` (the file declaring the pin) goes into
 * every error message.
 */
export function vendoredChartPackage(
  root: string,
  pin: VendoredChartRequest,
  declaredIn?: string,
): string {
  const subject = `chart pin ${pin.chart}@${pin.version}`;
  const expectedPath = vendoredChartPath(pin.chart, pin.version);
  const pull = `run \`gitops charts pull ${pin.chart} ${pin.version} --repository ${pin.repository ?? '<repository>'}\``;
  const entry = findLocked(root, 'chart', pin.chart, pin.version);
  if (!entry)
    throw new VendoredArtifactError(
      `${describe(subject, declaredIn)}: no vendored package ${expectedPath} in ${vendorLayout.lockFile}; ${pull}`,
      { subject, declaredIn, file: expectedPath },
    );
  return verifiedFile(root, entry, subject, declaredIn, `restore it from git, or ${pull}`);
}

/**
 * The absolute path of a vendored manifest file, checked like a chart package. A bare name is
 * accepted when the lock holds exactly one manifest of that name.
 */
export function vendoredManifest(
  root: string,
  manifest: VendoredManifestRequest | string,
  declaredIn?: string,
): string {
  const lock = readVendorLock(root);
  const request =
    typeof manifest === 'string' ? onlyVersionOf(lock.artifacts, manifest, declaredIn) : manifest;
  const subject = `manifest ${request.name}@${request.version}`;
  const entry = findLocked(root, 'manifest', request.name, request.version);
  if (!entry)
    throw new VendoredArtifactError(
      `${describe(subject, declaredIn)}: not in ${vendorLayout.lockFile}; vendor the file under ${vendorLayout.directory}/ and add its lock entry (see vendor/README.md)`,
      { subject, declaredIn },
    );
  return verifiedFile(
    root,
    entry,
    subject,
    declaredIn,
    'restore it from git, or vendor it again and update the lock entry',
  );
}

function onlyVersionOf(
  artifacts: LockedArtifact[],
  name: string,
  declaredIn: string | undefined,
): VendoredManifestRequest {
  const versions = artifacts.filter((a) => a.kind === 'manifest' && a.name === name);
  if (versions.length === 1) return { name, version: versions[0]!.version };
  const subject = `manifest ${name}`;
  const problem =
    versions.length === 0
      ? `not in ${vendorLayout.lockFile}`
      : `${vendorLayout.lockFile} holds versions ${versions.map((v) => v.version).join(', ')}; name one`;
  throw new VendoredArtifactError(`${describe(subject, declaredIn)}: ${problem}`, {
    subject,
    declaredIn,
  });
}

function findLocked(
  root: string,
  kind: VendoredArtifactKind,
  name: string,
  version: string,
): LockedArtifact | undefined {
  return readVendorLock(root).artifacts.find(
    (a) => a.kind === kind && a.name === name && a.version === version,
  );
}

function verifiedFile(
  root: string,
  entry: LockedArtifact,
  subject: string,
  declaredIn: string | undefined,
  remedy: string,
): string {
  const absolute = join(root, entry.path);
  const details = { subject, declaredIn, file: entry.path };
  if (!existsSync(absolute))
    throw new VendoredArtifactError(
      `${describe(subject, declaredIn)}: ${vendorLayout.lockFile} lists ${entry.path}, but the file is missing; ${remedy}`,
      details,
    );
  const actual = sha256File(absolute);
  if (actual !== entry.sha256)
    throw new VendoredArtifactError(
      `${describe(subject, declaredIn)}: ${entry.path} has sha256 ${actual}, but ${vendorLayout.lockFile} expects ${entry.sha256}; ${remedy}`,
      details,
    );
  return absolute;
}

function describe(subject: string, declaredIn: string | undefined): string {
  return declaredIn ? `${subject} (${declaredIn})` : subject;
}
