import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderChecks } from '../../render/render-checks';
import { renderInMemory, type RenderCheck } from '../../render/render-pipeline';
import { repositoryRoot } from '../../workspace/repository-root';
import { main } from '../../main';

let stdout = '';
let stderr = '';
beforeEach(() => {
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (chunk) => ((stdout += String(chunk)), true),
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(
    (chunk) => ((stderr += String(chunk)), true),
  );
});
afterEach(() => vi.restoreAllMocks());

const scratch = mkdtempSync(join(tmpdir(), 'validate-command-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A throwaway repository root with the given files. */
function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(scratch, 'root-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const namespace = (name: string, extra = '') =>
  `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n${extra}`;
interface ValidateArguments {
  json?: boolean;
  positionals?: string[];
  engine?: string;
  app?: string;
  cluster?: string;
}

/** `gitops validate` in `root` with these arguments (the embedded engine unless another is named). */
const validate = (root: string, given: ValidateArguments = {}) => {
  const {
    json,
    positionals = [],
    engine = 'embedded',
    app,
    cluster,
  } = {
    engine: 'embedded',
    ...given,
  };
  return main(
    [
      'validate',
      ...positionals,
      ...(engine ? ['--engine', engine] : []),
      ...(app ? ['--app', app] : []),
      ...(cluster ? ['--cluster', cluster] : []),
      ...(json ? ['--json'] : []),
    ],
    root,
  );
};

function countFiles(directory: string): number {
  return readdirSync(directory).reduce(
    (n, entry) =>
      n + (statSync(join(directory, entry)).isDirectory() ? countFiles(join(directory, entry)) : 1),
    0,
  );
}

describe('gitops validate', () => {
  it('validates the committed rendered/ by default and exits 0', async () => {
    expect(await validate(repositoryRoot)).toBe(0);
    const files = countFiles(join(repositoryRoot, 'rendered'));
    expect(stdout).toMatch(
      new RegExp(
        `^validate: ${files} files, \\d+ resources, \\d+ Helm values files?, 0 errors, 0 warnings`,
      ),
    );
  });

  it('prints one finding per line (file:line:col  resource  field  message), then the summary, and exits 1', async () => {
    const root = workspace({
      'rendered/ci/app/c/namespace-a.yaml': namespace('a', '  labelz: {}\n'),
      'rendered/ci/app/c/namespace-b.yaml': namespace('b'),
    });
    expect(await validate(root)).toBe(1);
    expect(stdout).toBe(
      'rendered/ci/app/c/namespace-a.yaml:5:3  Namespace/a  metadata.labelz  unknown field "labelz"\n' +
        'validate: 2 files, 2 resources, 0 Helm values files, 1 error, 0 warnings (embedded engine)\n',
    );
  });

  it('reports a CRD pattern Go’s RE2 rejects as one finding and checks every other file (exit 1, not 2)', async () => {
    const crd = (pattern: string) =>
      [
        'apiVersion: apiextensions.k8s.io/v1',
        'kind: CustomResourceDefinition',
        'metadata:',
        '  name: gizmos.example.com',
        'spec:',
        '  group: example.com',
        '  names: {kind: Gizmo, plural: gizmos}',
        '  scope: Cluster',
        '  versions:',
        '    - name: v1',
        '      served: true',
        '      storage: true',
        '      schema:',
        '        openAPIV3Schema:',
        '          type: object',
        '          properties:',
        '            spec:',
        '              type: object',
        '              properties:',
        `                name: {type: string, pattern: '${pattern}'}`,
        '',
      ].join('\n');
    const gizmo =
      'apiVersion: example.com/v1\nkind: Gizmo\nmetadata:\n  name: g\nspec:\n  name: ABC\n';
    const root = workspace({
      'rendered/ci/app/c/customresourcedefinition-gizmos.example.com.yaml': crd('(?i)^abc$|^(?=x)'),
      'rendered/ci/app/c/gizmo-g.yaml': gizmo,
      'rendered/ci/app/c/namespace-a.yaml': namespace('a', '  labelz: {}\n'),
    });
    expect(await validate(root)).toBe(1);
    expect(stdout).toContain(
      'rendered/ci/app/c/customresourcedefinition-gizmos.example.com.yaml:20:47  CustomResourceDefinition/gizmos.example.com  spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.name.pattern  pattern "(?i)^abc$|^(?=x)" must be a valid regular expression',
    );
    expect(stdout).toContain(
      'namespace-a.yaml:5:3  Namespace/a  metadata.labelz  unknown field "labelz"',
    );
    expect(stdout).toMatch(/3 files, 3 resources, 0 Helm values files, 2 errors/);
    // A pattern RE2 takes (and ECMAScript does not) is matched as the API server matches it.
    const good = workspace({
      'rendered/ci/app/c/customresourcedefinition-gizmos.example.com.yaml': crd('(?i)^abc$'),
      'rendered/ci/app/c/gizmo-g.yaml': gizmo,
    });
    stdout = '';
    expect(await validate(good)).toBe(0);
  });

  it('prints {findings, summary} with --json', async () => {
    const root = workspace({
      'rendered/ci/app/c/namespace-a.yaml': namespace('a', '  labelz: {}\n'),
    });
    expect(await validate(root, { json: true })).toBe(1);
    const output = JSON.parse(stdout) as {
      findings: { field: string; line: number }[];
      summary: { errors: number; engine: string };
    };
    expect(output.findings).toMatchObject([
      {
        file: 'rendered/ci/app/c/namespace-a.yaml',
        line: 5,
        column: 3,
        field: 'metadata.labelz',
        rule: 'schema',
      },
    ]);
    expect(output.summary).toMatchObject({
      engine: 'embedded',
      files: 1,
      resources: 1,
      errors: 1,
      warnings: 0,
    });
  });

  it('validates only the given paths, or rendered/<cluster>/<app> for --cluster and --app', async () => {
    const root = workspace({
      'rendered/ci/one/c/namespace-a.yaml': namespace('a'),
      'rendered/mgmt/one/c/namespace-b.yaml': namespace('b'),
      'rendered/ci/two/c/namespace-c.yaml': namespace('C'),
    });
    expect(await validate(root, { app: 'one' })).toBe(0);
    expect(stdout).toContain('validate: 2 files');
    stdout = '';
    expect(await validate(root, { app: 'one', cluster: 'ci' })).toBe(0);
    expect(stdout).toContain('validate: 1 file,');
    stdout = '';
    expect(await validate(root, { positionals: [join(root, 'rendered/ci/two')] })).toBe(1);
    expect(stdout).toContain('Namespace name "C"');
  });

  it('fails when there is nothing to validate, so a wrong path or an empty render cannot pass', async () => {
    const root = workspace({ 'rendered/ci/app/c/empty.yaml': '# nothing here\n' });
    expect(await validate(root)).toBe(1);
    expect(stderr).toContain('no resources found');
    expect(await validate(root, { app: 'missing' })).toBe(2);
    expect(stderr).toContain('nothing rendered for app missing');
  });

  it('exits 2 on usage errors: an unknown engine, a missing path, kubeconform requested but absent', async () => {
    const root = workspace({ 'rendered/ci/app/c/namespace-a.yaml': namespace('a') });
    expect(await validate(root, { engine: 'fast' })).toBe(2);
    expect(stderr).toContain('--engine must be one of embedded, kubeconform, auto (got "fast")');
    expect(await validate(root, { positionals: [join(root, 'nowhere')] })).toBe(2);
    expect(stderr).toContain('no such file or directory');
    const path = process.env.PATH;
    const configured = process.env.KUBECONFORM;
    try {
      process.env.PATH = '/nonexistent';
      delete process.env.KUBECONFORM;
      expect(await validate(root, { engine: 'kubeconform' })).toBe(2);
      expect(stderr).toContain('no kubeconform binary found');
      // auto falls back to the embedded engine
      stdout = '';
      expect(await validate(root, { engine: undefined, json: true })).toBe(0);
      expect((JSON.parse(stdout) as { summary: { engine: string } }).summary.engine).toBe(
        'embedded',
      );
    } finally {
      process.env.PATH = path;
      if (configured !== undefined) process.env.KUBECONFORM = configured;
    }
  });

  it('plugs into the render pipeline as a render check, and the current render passes it', async () => {
    const check: RenderCheck = renderChecks(repositoryRoot)[0]!;
    const { render } = await renderInMemory({ root: repositoryRoot, checks: [check] });
    expect(render.files.length).toBeGreaterThan(0);
  });
});
