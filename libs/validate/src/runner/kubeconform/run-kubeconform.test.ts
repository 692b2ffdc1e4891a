import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSchemaValidator } from '../../evaluators/schema-catalog/schema-validator-factory';
import { validate as runValidation } from '../validate';
import type { KubeconformResourceResult } from './kubeconform-output';

/**
 * kubeconform is not installed here, so a stand-in executable plays it: a node script that records
 * its arguments (and the schema files it was pointed at) and prints kubeconform-format JSON for the
 * results the test scripts, matched to the files it is given by file name.
 */
const scratch = mkdtempSync(join(tmpdir(), 'kubeconform-stand-in-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Scenario {
  /** Results per file name suffix; `filename` is filled in with the path kubeconform was given. */
  results?: (Omit<KubeconformResourceResult, 'filename'> & { fileSuffix: string })[];
  exitCode?: number;
  stderr?: string;
}

const standInSource = `#!/usr/bin/env node
const { readFileSync, writeFileSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const dir = __dirname;
const args = process.argv.slice(2);
const location = args[args.indexOf('-schema-location') + 1];
const schemaRoot = location.slice(0, location.indexOf('/{{'));
const schemaFiles = [];
const walk = (d, prefix) => { for (const e of readdirSync(d)) { const p = join(d, e); if (statSync(p).isDirectory()) walk(p, prefix + e + '/'); else schemaFiles.push(prefix + e); } };
walk(schemaRoot, '');
const schemas = Object.fromEntries(schemaFiles.map((f) => [f, JSON.parse(readFileSync(join(schemaRoot, f), 'utf8'))]));
writeFileSync(join(dir, 'invocation.json'), JSON.stringify({ args, schemas }));
const scenario = JSON.parse(readFileSync(join(dir, 'scenario.json'), 'utf8'));
if (scenario.exitCode && scenario.exitCode > 1) { process.stderr.write(scenario.stderr || ''); process.exit(scenario.exitCode); }
const files = args.filter((a) => a.endsWith('.yaml'));
const resources = [];
for (const r of scenario.results || []) {
  const file = files.find((f) => f.endsWith(r.fileSuffix));
  if (file) { const { fileSuffix, ...rest } = r; resources.push({ filename: file, ...rest }); }
}
process.stdout.write(JSON.stringify({ resources, summary: { valid: 0, invalid: resources.length, errors: 0, skipped: 0 } }, null, 2) + '\\n');
process.exit(resources.length > 0 ? 1 : 0);
`;

function standIn(
  name: string,
  scenario: Scenario,
): { binary: string; invocation: () => { args: string[]; schemas: Record<string, object> } } {
  const directory = mkdtempSync(join(scratch, `${name}-`));
  const binary = join(directory, 'kubeconform');
  writeFileSync(binary, standInSource);
  chmodSync(binary, 0o755);
  writeFileSync(join(directory, 'scenario.json'), JSON.stringify(scenario));
  return {
    binary,
    invocation: () => JSON.parse(readFileSync(join(directory, 'invocation.json'), 'utf8')),
  };
}

const application = `# Generated
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: web
  namespace: argocd
spec:
  destination:
    name: ci
  source:
    repoURL: https://example/repo.git
  syncPolicy:
    automated:
      prunee: true
    retry:
      limit: five
`;
const widget = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n';
const values = '# helm-values: chart=karpenter version=1.14.1\nlogLevel: info\n';

const files = [
  {
    path: 'rendered/mgmt/argocd-root/app-of-apps/application-argocd-web.yaml',
    content: application,
  },
  { path: 'rendered/ci/things/widget-w.yaml', content: widget },
  { path: 'rendered/ci/karpenter/controller/values.yaml', content: values },
];

describe('the kubeconform engine', () => {
  it('runs kubeconform strictly, with JSON output and summary, against only the embedded schemas, skipping listed kinds', async () => {
    const { binary, invocation } = standIn('arguments', {});
    await runValidation(files, {
      engine: 'kubeconform',
      env: { KUBECONFORM: binary },
      skippedKinds: [{ apiVersion: 'example.com/v1', kind: 'Widget', reason: 'test' }],
    });
    const { args, schemas } = invocation();
    const location = args[args.indexOf('-schema-location') + 1]!;
    expect(args.slice(0, 5)).toEqual([
      '-strict',
      '-output',
      'json',
      '-summary',
      '-schema-location',
    ]);
    expect(location).toMatch(
      /\/\{\{ \.Group \}\}\/\{\{ \.ResourceKind \}\}_\{\{ \.ResourceAPIVersion \}\}\.json$/,
    );
    expect(args).not.toContain('default');
    expect(args[args.indexOf('-skip') + 1]).toBe('example.com/v1/Widget');
    // Helm values files are not Kubernetes resources: the embedded engine checks them.
    const fileArguments = args.filter((a) => a.endsWith('.yaml'));
    expect(fileArguments.map((a) => a.replace(/^.*\/\d+-/, ''))).toEqual([
      'application-argocd-web.yaml',
      'widget-w.yaml',
    ]);
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining([
        'v1/namespace_v1.json',
        'argoproj.io/application_v1alpha1.json',
        'karpenter.k8s.aws/ec2nodeclass_v1.json',
      ]),
    );
  });

  it('writes standalone schemas kubeconform can validate with (no references outside the file)', async () => {
    const { binary, invocation } = standIn('standalone', {});
    await runValidation(files.slice(0, 1), { engine: 'kubeconform', env: { KUBECONFORM: binary } });
    const ajv = createSchemaValidator();
    const validate = ajv.compile(invocation().schemas['v1/namespace_v1.json']!);
    expect(validate({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } })).toBe(
      true,
    );
    expect(
      validate({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labelz: {} } }),
    ).toBe(false);
  });

  it('maps kubeconform results to findings located in the YAML source, worded like the embedded engine', async () => {
    const { binary } = standIn('findings', {
      results: [
        {
          fileSuffix: 'application-argocd-web.yaml',
          kind: 'Application',
          name: 'web',
          version: 'argoproj.io/v1alpha1',
          status: 'statusInvalid',
          msg: 'problem validating schema',
          validationErrors: [
            {
              path: '/spec/syncPolicy/automated',
              msg: "additional properties 'prunee' not allowed",
            },
            { path: '/spec', msg: "missing property 'project'" },
            { path: '/spec/syncPolicy/retry/limit', msg: 'got string, want integer' },
          ],
        },
        {
          fileSuffix: 'widget-w.yaml',
          kind: 'Widget',
          name: 'w',
          version: 'example.com/v1',
          status: 'statusError',
          msg: 'could not find schema for Widget',
        },
      ],
    });
    const report = await runValidation(files, {
      engine: 'kubeconform',
      env: { KUBECONFORM: binary },
      skippedKinds: [],
    });
    const app = 'rendered/mgmt/argocd-root/app-of-apps/application-argocd-web.yaml';
    expect(report.summary).toMatchObject({
      engine: 'kubeconform',
      files: 3,
      resources: 3,
      errors: 4,
    });
    expect(
      report.findings.map(({ file, line, column, field, message, rule }) => ({
        file,
        line,
        column,
        field,
        message,
        rule,
      })),
    ).toEqual([
      {
        file: 'rendered/ci/things/widget-w.yaml',
        line: 2,
        column: 7,
        field: 'kind',
        message: 'kubeconform: could not find schema for Widget',
        rule: 'schema-missing',
      },
      {
        file: app,
        line: 7,
        column: 1,
        field: 'spec.project',
        message: 'missing required field "project"',
        rule: 'schema',
      },
      {
        file: app,
        line: 14,
        column: 7,
        field: 'spec.syncPolicy.automated.prunee',
        message: 'unknown field "prunee"',
        rule: 'schema',
      },
      {
        file: app,
        line: 16,
        column: 14,
        field: 'spec.syncPolicy.retry.limit',
        message: 'must be integer, got string',
        rule: 'schema',
      },
    ]);
  });

  it('fails the run when kubeconform itself fails, rather than reporting a pass', async () => {
    const { binary } = standIn('crash', { exitCode: 2, stderr: 'panic: out of memory' });
    await expect(
      runValidation(files, { engine: 'kubeconform', env: { KUBECONFORM: binary } }),
    ).rejects.toThrow(/kubeconform exited with 2: panic: out of memory/);
  });

  it('auto picks kubeconform from $KUBECONFORM or PATH, and the embedded engine when there is none', async () => {
    const { binary } = standIn('auto', {});
    const directory = binary.slice(0, binary.lastIndexOf('/'));
    expect((await runValidation(files, { env: { KUBECONFORM: binary } })).summary.engine).toBe(
      'kubeconform',
    );
    expect(
      (await runValidation(files, { env: { PATH: `/nonexistent:${directory}` } })).summary.engine,
    ).toBe('kubeconform');
    expect((await runValidation(files, { env: { PATH: '/nonexistent' } })).summary.engine).toBe(
      'embedded',
    );
    expect(
      (await runValidation(files, { engine: 'embedded', env: { KUBECONFORM: binary } })).summary
        .engine,
    ).toBe('embedded');
  });

  it('refuses a $KUBECONFORM that is not an executable file instead of silently falling back', async () => {
    await expect(
      runValidation(files, { env: { KUBECONFORM: join(scratch, 'missing-kubeconform') } }),
    ).rejects.toThrow(/is not an executable file/);
    await expect(
      runValidation(files, { engine: 'kubeconform', env: { PATH: '/nonexistent' } }),
    ).rejects.toThrow(/no kubeconform binary found/);
  });
});
