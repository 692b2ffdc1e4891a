import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchWorkspace } from '../testing/scratch-workspace';
import { clusterGenerator, type ClusterGeneratorOptions } from './cluster-generator';

const newCluster: ClusterGeneratorOptions = {
  name: 'ci-2',
  accountId: '123456789099',
  region: 'eu-central-1',
  endpoint: 'https://0A1B2C3D4E5F60718293A4B5C6D7E8F9.gr7.eu-central-1.eks.amazonaws.com',
  certificateAuthorityData:
    'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCmNpLTItY2EKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=',
  vpcCidr: '10.30.0.0/16',
};

describe('the cluster generator', () => {
  let workspace: Awaited<ReturnType<typeof scratchWorkspace>>;
  beforeAll(async () => {
    workspace = await scratchWorkspace();
  });
  afterAll(() => workspace?.dispose());

  it('adds a workload cluster whose full tree renders like the existing workload cluster', async () => {
    await workspace.generate(clusterGenerator, newCluster);
    const index = readFileSync(join(workspace.root, 'libs/config/src/clusters/index.ts'), 'utf8');
    expect(index).toContain("import { ci2 } from './ci-2';");
    expect(index).toMatch(/clusters: ClusterSpec\[\] = \[[^\]]*\bci2\]/);

    const render = await workspace.gitops('render');
    expect(render.exitCode, render.all).toBe(0);
    expect(render.all).toContain('rendered/ci-2/');
    // Every component that selects workload clusters now renders there too, file for file (the
    // per-subnet monitors are named after the new cluster's subnets), except what needs the
    // multi-arch runner's helper image, which a new account does not have yet: the runner, its
    // job namespace, and the warm headroom of the pool that then plans no job.
    const asCi = (files: string[]) => files.map((file) => file.replaceAll('-ci-2-', '-ci-'));
    const needsHelperImage =
      /^gitlab-runners\/multi-arch\/|^gitlab-runners\/namespaces\/namespace-ci-jobs-multiarch\.yaml$|^karpenter\/warm-capacity\/[a-z]+-ci-jobs-multiarch-/;
    const ci = workspace.files('rendered/ci');
    expect(ci.filter((file) => needsHelperImage.test(file))).toHaveLength(19);
    expect(asCi(workspace.files('rendered/ci-2'))).toEqual(
      ci.filter((file) => !needsHelperImage.test(file)),
    );
    const registrations = workspace.files('rendered/mgmt/argocd-root/cluster-registrations');
    expect(registrations).toContain('secret-argocd-cluster-ci-2.yaml');
    const applications = workspace.files('rendered/mgmt/argocd-root/app-of-apps');
    expect(
      applications
        .filter((f) => f.startsWith('application-argocd-ci-2-'))
        .map((f) => f.replace('-ci-2-', '-ci-')),
    ).toEqual(
      applications.filter(
        (f) =>
          /^application-argocd-ci-(?!2-)/.test(f) && !f.endsWith('-gitlab-runners-multi-arch.yaml'),
      ),
    );
  });

  it('refuses bad input, naming each field', async () => {
    await expect(
      workspace.generate(clusterGenerator, {
        ...newCluster,
        name: 'Bad_Name',
        accountId: '42',
        vpcCidr: '10.30.0.0/20',
      }),
    ).rejects.toThrow(
      /--name "Bad_Name" is not a DNS label[\s\S]*--accountId "42"[\s\S]*--vpcCidr "10.30.0.0\/20"/,
    );
    expect(existsSync(join(workspace.root, 'libs/config/src/clusters/Bad_Name.ts'))).toBe(false);
  });
});
