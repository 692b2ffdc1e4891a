import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { SourceFile } from '../checks/source-file';
import { validateFiles } from './validate-files';

/** The repository's committed rendered/ tree: libs/validate/src/runner → four levels up. */
const repositoryRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');

function renderedFiles(): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory).sort()) {
      const path = join(directory, entry);
      if (statSync(path).isDirectory()) walk(path);
      else
        files.push({ path: relative(repositoryRoot, path), content: readFileSync(path, 'utf8') });
    }
  };
  walk(join(repositoryRoot, 'rendered'));
  return files;
}

interface Mutation {
  name: string;
  file: string;
  /** The exact text replaced (must occur once in the file) and its replacement. */
  replace: [string, string];
  expected: {
    field: string;
    message: string;
    rule: string;
    resource: string;
    lineOf: string;
    column: number;
  }[];
}

const application = 'rendered/mgmt/argocd-root/app-of-apps/application-argocd-argocd-root.yaml';
const helmApplication =
  'rendered/mgmt/argocd-root/app-of-apps/application-argocd-ci-karpenter-controller.yaml';
const project = 'rendered/mgmt/argocd-root/app-of-apps/appproject-argocd-observability.yaml';
/** Where the project's whitelist lists Namespace: read from the file, not today's position. */
const namespaceEntry = (
  parse(readFileSync(join(repositoryRoot, project), 'utf8')) as {
    spec: { clusterResourceWhitelist: { kind: string }[] };
  }
).spec.clusterResourceWhitelist.findIndex((entry) => entry.kind === 'Namespace');
const namespace = 'rendered/ci/gitlab-runners/namespaces/namespace-ci-jobs.yaml';
const secret = 'rendered/mgmt/argocd-root/cluster-registrations/secret-argocd-cluster-ci.yaml';
const values = 'rendered/ci/karpenter/controller/values.yaml';

const mutations: Mutation[] = [
  {
    name: 'misspelt field four levels deep',
    file: application,
    replace: ['      prune: true', '      prunee: true'],
    expected: [
      {
        field: 'spec.syncPolicy.automated.prunee',
        message: 'unknown field "prunee"',
        rule: 'schema',
        resource: 'Application/argocd/argocd-root',
        lineOf: 'prunee:',
        column: 7,
      },
    ],
  },
  {
    name: 'misspelt metadata field',
    file: application,
    replace: ['  labels:\n', '  labelz:\n'],
    expected: [
      {
        field: 'metadata.labelz',
        message: 'unknown field "labelz"',
        rule: 'schema',
        resource: 'Application/argocd/argocd-root',
        lineOf: 'labelz:',
        column: 3,
      },
    ],
  },
  {
    name: 'misspelt field in a list item, which also drops a required field',
    file: project,
    replace: ['      kind: Namespace', '      kindd: Namespace'],
    expected: [
      {
        field: `spec.clusterResourceWhitelist[${namespaceEntry}].kind`,
        message: 'missing required field "kind"',
        rule: 'schema',
        resource: 'AppProject/argocd/observability',
        lineOf: '- group: ""',
        column: 7,
      },
      {
        field: `spec.clusterResourceWhitelist[${namespaceEntry}].kindd`,
        message: 'unknown field "kindd"',
        rule: 'schema',
        resource: 'AppProject/argocd/observability',
        lineOf: 'kindd:',
        column: 7,
      },
    ],
  },
  {
    name: 'misspelt top-level field of a core kind',
    file: secret,
    replace: ['type: Opaque', 'typ: Opaque'],
    expected: [
      {
        field: 'typ',
        message: 'unknown field "typ"',
        rule: 'schema',
        resource: 'Secret/argocd/cluster-ci',
        lineOf: 'typ:',
        column: 1,
      },
    ],
  },
  {
    name: 'wrong type',
    file: helmApplication,
    replace: ['      limit: 5', '      limit: five'],
    expected: [
      {
        field: 'spec.syncPolicy.retry.limit',
        message: 'must be integer, got string',
        rule: 'schema',
        resource: 'Application/argocd/ci-karpenter-controller',
        lineOf: 'limit: five',
        column: 14,
      },
    ],
  },
  {
    name: 'removed required field',
    file: helmApplication,
    replace: ['  project: karpenter\n', ''],
    expected: [
      {
        field: 'spec.project',
        message: 'missing required field "project"',
        rule: 'schema',
        resource: 'Application/argocd/ci-karpenter-controller',
        lineOf: 'spec:',
        column: 1,
      },
    ],
  },
  {
    name: 'invalid enum value in Helm values',
    file: values,
    replace: ['logLevel: info', 'logLevel: loud'],
    expected: [
      {
        field: 'logLevel',
        message: 'must be one of: debug, info, warn, error (got "loud")',
        rule: 'helm-values',
        resource: 'HelmValues/karpenter',
        lineOf: 'logLevel:',
        column: 11,
      },
    ],
  },
  {
    name: 'misspelt Helm values key',
    file: values,
    replace: ['  interruptionQueue:', '  interruptQueue:'],
    expected: [
      {
        field: 'settings.interruptQueue',
        message: 'unknown field "interruptQueue"',
        rule: 'helm-values',
        resource: 'HelmValues/karpenter',
        lineOf: 'interruptQueue:',
        column: 3,
      },
    ],
  },
  {
    name: 'label value that YAML reads as a number',
    file: namespace,
    replace: [
      'pod-security.kubernetes.io/enforce-version: v1.33',
      'pod-security.kubernetes.io/enforce-version: 1.33',
    ],
    expected: [
      {
        field: 'metadata.labels["pod-security.kubernetes.io/enforce-version"]',
        message: 'label value must be a string, got number; quote it so YAML keeps it a string',
        rule: 'labels',
        resource: 'Namespace/ci-jobs',
        lineOf: 'enforce-version: 1.33',
        column: 49,
      },
    ],
  },
];

describe('validateFiles on the committed rendered/ tree', () => {
  const files = renderedFiles();

  it('passes with zero findings', () => {
    const report = validateFiles(files);
    expect(report.findings).toEqual([]);
    expect(report.summary).toMatchObject({
      files: files.length,
      resources: files.length,
      errors: 0,
      warnings: 0,
    });
  });

  for (const mutation of mutations) {
    it(`catches a ${mutation.name} with the right file, line and field path`, () => {
      const original = files.find((f) => f.path === mutation.file);
      expect(original, `${mutation.file} is not rendered any more; update this test`).toBeDefined();
      const [from, to] = mutation.replace;
      expect(
        original!.content.split(from).length - 1,
        `"${from}" must occur once in ${mutation.file}`,
      ).toBe(1);
      const content = original!.content.replace(from, to);
      const lines = content.split('\n');

      const report = validateFiles(
        files.map((f) => (f === original ? { path: f.path, content } : f)),
      );
      const expected = mutation.expected.map(({ lineOf, ...finding }) => ({
        file: mutation.file,
        line: lines.findIndex((line) => line.includes(lineOf)) + 1,
        severity: 'error',
        ...finding,
      }));
      expect(expected.every((f) => f.line > 0)).toBe(true);
      expect(report.findings).toEqual(expected);
    });
  }
});
