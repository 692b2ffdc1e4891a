import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { committedFiles, repositoryRoot } from '@platform/rendered-tree';
import { validate } from '@platform/validate';
import { describe, expect, it } from 'vitest';

/**
 * The runners' ExternalSecrets are validated against the ExternalSecret CRD that this repository
 * installs (external-secrets/operator renders the vendored v2.9.0 CRD), as `gitops validate`
 * does: the CRD's patterns, enums and lengths apply, which the generated model schema lacks.
 */
const crdPath =
  'rendered/ci/external-secrets/operator/customresourcedefinition-externalsecrets.external-secrets.io.yaml';
const [crd] = committedFiles(crdPath);
const externalSecrets = committedFiles('rendered/ci/gitlab-runners').filter((file) =>
  /\/externalsecret-[^/]+\.yaml$/.test(file.path),
);

/** A runner ExternalSecret with one line changed, and that line's number (1-based). */
function withLine(content: string, from: RegExp, to: string): { content: string; line: number } {
  const lines = content.split('\n');
  const index = lines.findIndex((line) => from.test(line));
  expect(index, `a line matching ${from}`).toBeGreaterThanOrEqual(0);
  lines[index] = lines[index]!.replace(from, to);
  return { content: lines.join('\n'), line: index + 1 };
}

describe('the runners’ ExternalSecrets against the CRD the platform installs', () => {
  it('has the CRD rendered from vendor/ and every runner’s ExternalSecret', () => {
    expect(crd?.content).toContain('name: externalsecrets.external-secrets.io');
    expect(externalSecrets.map((file) => file.path.split('/')[3])).toEqual([
      'multi-arch',
      'privileged',
      'restricted',
    ]);
  });

  it('are valid, including every constraint the CRD states', async () => {
    expect((await validate([crd!, ...externalSecrets], { engine: 'embedded' })).findings).toEqual(
      [],
    );
  });

  it('reports a secret key the CRD’s pattern rejects, with its file, line and field', async () => {
    const [file] = externalSecrets;
    const bad = withLine(file!.content, /secretKey: runner-token/, 'secretKey: runner token');
    const { findings } = await validate([crd!, { path: file!.path, content: bad.content }], {
      engine: 'embedded',
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: file!.path, line: bad.line });
    expect(findings[0]!.message).toMatch(/pattern/);
    expect(JSON.stringify(findings[0])).toContain('secretKey');
  });

  it('reports a store kind outside the CRD’s enum', async () => {
    const [file] = externalSecrets;
    const bad = withLine(file!.content, /kind: ClusterSecretStore/, 'kind: ClusterStore');
    const { findings } = await validate([crd!, { path: file!.path, content: bad.content }], {
      engine: 'embedded',
    });
    expect(findings.map((finding) => finding.line)).toEqual([bad.line]);
  });
});

/** Cross-check (tests only): the vendored CRDs are upstream's v2.9.0 bundle, byte for byte. */
const upstreamCrd = join(
  repositoryRoot,
  '../shared/upstream/crds/external-secrets-v2.9.0-bundle.yaml',
);
if (!existsSync(upstreamCrd))
  console.log(`skipping the upstream CRD cross-check: ${upstreamCrd} not found`);
it.skipIf(!existsSync(upstreamCrd))('vendors the upstream v2.9.0 CRD bundle unchanged', () => {
  const vendored = readFileSync(
    join(repositoryRoot, 'vendor/external-secrets/external-secrets-v2.9.0-bundle.yaml'),
    'utf8',
  );
  expect(vendored).toBe(readFileSync(upstreamCrd, 'utf8'));
});
