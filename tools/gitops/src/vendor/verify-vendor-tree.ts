import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { chartPackageMetadata, type ChartPackageMetadata } from './chart-package-metadata';
import { sha256File } from './sha256-file';
import { vendoredChartPath } from './vendored-artifact';
import { readVendorLock, vendorLayout, type LockedArtifact } from './vendor-lock';

/** One problem in the vendor tree, about one repository-relative file. */
export interface VendorFinding {
  file: string;
  message: string;
}

/**
 * Checks every lock entry (file present, sha256 as locked, chart packages at
 * `vendor/charts/<chart>-<version>.tgz` and named so in their own Chart.yaml, no duplicates) and that no file under vendor/ lacks an
 * entry. An empty result means the tree is exactly what the lock says.
 */
export function verifyVendorTree(root: string): VendorFinding[] {
  const lock = readVendorLock(root);
  const findings = lock.artifacts.flatMap((artifact) => checkLockedArtifact(root, artifact));
  findings.push(...duplicateEntries(lock.artifacts));
  const locked = new Set(lock.artifacts.map((a) => a.path));
  for (const file of filesUnder(root, vendorLayout.directory))
    if (!locked.has(file) && !(vendorLayout.unlockedFiles as readonly string[]).includes(file))
      findings.push({
        file,
        message: `not listed in ${vendorLayout.lockFile}: lock it with \`gitops charts pull\`, or delete it`,
      });
  return findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function checkLockedArtifact(root: string, artifact: LockedArtifact): VendorFinding[] {
  const label = `${artifact.kind} ${artifact.name}@${artifact.version}`;
  const file = artifact.path;
  if (artifact.kind === 'chart' && file !== vendoredChartPath(artifact.name, artifact.version))
    return [
      {
        file,
        message: `${label} must be vendored at ${vendoredChartPath(artifact.name, artifact.version)}`,
      },
    ];
  if (!file.startsWith(`${vendorLayout.directory}/`) || file.includes('..'))
    return [{ file, message: `${label}: path must lie under ${vendorLayout.directory}/` }];
  const absolute = join(root, file);
  if (!existsSync(absolute))
    return [{ file, message: `${label}: locked, but the file is missing` }];
  const actual = sha256File(absolute);
  if (actual !== artifact.sha256)
    return [
      {
        file,
        message: `${label}: sha256 is ${actual}, but ${vendorLayout.lockFile} expects ${artifact.sha256}`,
      },
    ];
  return artifact.kind === 'chart' ? checkChartMetadata(absolute, artifact, label) : [];
}

/** A package locked under one name and version must say the same in its own Chart.yaml. */
function checkChartMetadata(
  absolute: string,
  artifact: LockedArtifact,
  label: string,
): VendorFinding[] {
  let metadata: ChartPackageMetadata;
  try {
    metadata = chartPackageMetadata(absolute);
  } catch (error) {
    return [
      {
        file: artifact.path,
        message: `${label}: not a readable chart package: ${(error as Error).message}`,
      },
    ];
  }
  if (metadata.name === artifact.name && metadata.version === artifact.version) return [];
  return [
    {
      file: artifact.path,
      message: `${label}: the package's Chart.yaml says ${metadata.name}@${metadata.version}`,
    },
  ];
}

function duplicateEntries(artifacts: LockedArtifact[]): VendorFinding[] {
  const seen = new Set<string>();
  const findings: VendorFinding[] = [];
  for (const artifact of artifacts) {
    const key = `${artifact.kind} ${artifact.name}@${artifact.version}`;
    if (seen.has(key) || seen.has(artifact.path))
      findings.push({ file: artifact.path, message: `${key} is locked more than once` });
    seen.add(key);
    seen.add(artifact.path);
  }
  return findings;
}

/** Repository-relative paths (forward slashes) of every file under a directory. */
function filesUnder(root: string, directory: string): string[] {
  const base = join(root, directory);
  if (!existsSync(base)) return [];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(base);
  return files;
}
