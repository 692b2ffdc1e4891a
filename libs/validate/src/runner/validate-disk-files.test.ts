import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFiles } from './validate-files';
import { testCrd } from '../testing/test-crd';
import type { DiskFile } from './disk-file';
import { readerThreadMinFiles, validateDiskFiles } from './validate-disk-files';

/** A CRD of this test's own: a pattern, a date-time format, a CEL rule with matches() per item. */
const gadgetCrd = testCrd('Gadget', {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        since: { type: 'string', format: 'date-time' },
        code: { type: 'string', pattern: '^[a-z]+$' },
        ports: {
          type: 'array',
          items: {
            type: 'object',
            'x-kubernetes-validations': [
              { rule: "self.name.matches('^p-[0-9]+$')", message: 'name must be p-N' },
            ],
            properties: { name: { type: 'string' } },
          },
        },
      },
    },
  },
});

const gadget = (i: number, spec: object) => ({
  apiVersion: 'example.com/v1',
  kind: 'Gadget',
  metadata: { name: `gadget-${i}`, namespace: 'tools' },
  spec,
});

const configMap = (i: number, name = `settings-${i}`) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: `team-${i % 3}`, labels: { app: 'shop' } },
  data: { key: `value-${i}` },
});

/**
 * Enough files for many chunks per worker, with every kind of finding, some of which need all
 * files: duplicates far apart, and custom resources checked against a CRD that sorts after them.
 */
function corpus(): Record<string, string> {
  const files: Record<string, string> = {};
  const yaml = (value: object) => stringify(value);
  for (let i = 0; i < 200; i += 1)
    files[`rendered/ci/shop/configmap-${i}.yaml`] = yaml(configMap(i));
  // Same object twice, in the first and the last chunk.
  files['rendered/ci/shop/configmap-0-copy.yaml'] = yaml(configMap(0));
  files['rendered/ci/zzz/configmap-again.yaml'] = yaml(configMap(0));
  // Schema findings at known lines; a YAML error; a duplicate key; a missing kind.
  files['rendered/ci/shop/deployment-bad.yaml'] = yaml({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { replicas: 'two', selector: {}, template: { spec: { containerz: [] } } },
  });
  files['rendered/ci/shop/syntax-error.yaml'] = 'apiVersion: v1\nkind: [ConfigMap\n';
  files['rendered/ci/shop/duplicate-key.yaml'] =
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: twice\n  name: again\n';
  files['rendered/ci/shop/no-kind.yaml'] = 'apiVersion: v1\nmetadata:\n  name: what\n';
  files['rendered/ci/shop/list.yaml'] = yaml({
    apiVersion: 'v1',
    kind: 'List',
    items: [configMap(500), { ...configMap(501), metadata: { name: 'Bad_Name' } }],
  });
  // Custom resources before their CRD (sorted by path): the CRD is found after they are checked.
  files['rendered/ci/aaa/gadget-good.yaml'] = yaml(
    gadget(1, { since: '2024-01-01T00:00:00Z', code: 'abc', ports: [{ name: 'p-1' }] }),
  );
  files['rendered/ci/aaa/gadget-bad.yaml'] = yaml(
    gadget(2, { since: 'yesterday', code: 'ABC', ports: [{ name: 'p-1' }] }),
  );
  // Fits the schema, so its CEL rules run: the second port breaks one.
  files['rendered/ci/aaa/gadget-cel.yaml'] = yaml(
    gadget(3, { code: 'abc', ports: [{ name: 'p-1' }, { name: 'http' }] }),
  );
  files['rendered/ci/tools/customresourcedefinition-gadgets.example.com.yaml'] = yaml(gadgetCrd);
  files['rendered/ci/karpenter/values.yaml'] = readFileSync(
    fileURLToPath(
      new URL('../../../../rendered/ci/karpenter/controller/values.yaml', import.meta.url),
    ),
    'utf8',
  ).replace('serviceAccount:', 'serviceAccountz:');
  return files;
}

let directory: string;
let files: DiskFile[];

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'validate-disk-files-'));
  files = Object.entries(corpus())
    .map(([path, content]) => {
      const absolute = join(directory, path);
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileSync(absolute, content);
      return { path, absolute };
    })
    .sort((a, b) => (a.path < b.path ? -1 : 1));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const inMemory = () =>
  files.map(({ path, absolute }) => ({ path, content: readFileSync(absolute, 'utf8') }));

describe('validating files on disk', () => {
  it('reports exactly what in-memory validation reports, findings located', async () => {
    const expected = validateFiles(inMemory());
    expect(await validateDiskFiles(files)).toEqual(expected);
    const rules = new Set(expected.findings.map((f) => f.rule));
    // The corpus exercises every path that needs more than one file.
    for (const rule of [
      'duplicate-resource',
      'cel',
      'schema',
      'yaml',
      'duplicate-key',
      'helm-values',
    ])
      expect(rules, rule).toContain(rule);
    expect(expected.findings).toContainEqual(
      expect.objectContaining({
        file: 'rendered/ci/aaa/gadget-bad.yaml',
        field: 'spec.since',
        message: 'must be a valid date-time (got "yesterday")',
        line: 7,
      }),
    );
    expect(expected.findings).toContainEqual(
      expect.objectContaining({
        file: 'rendered/ci/aaa/gadget-cel.yaml',
        field: 'spec.ports[1]',
        message: expect.stringMatching(/^name must be p-N \(CEL rule of rendered\/ci\/tools\//),
      }),
    );
    expect(expected.findings.filter((f) => f.rule === 'duplicate-resource')).toHaveLength(3);
  });

  it('reports the same when a thread of its own reads 1,000 files or more ahead', async () => {
    const more = mkdtempSync(join(tmpdir(), 'validate-disk-files-many-'));
    try {
      const many: DiskFile[] = [...files];
      for (let i = 0; i < 1_000; i += 1) {
        const path = `rendered/ci/zz-many/configmap-${i}.yaml`;
        writeFileSync(join(more, `${i}.yaml`), stringify(configMap(1_000 + i)));
        many.push({ path, absolute: join(more, `${i}.yaml`) });
      }
      many.sort((a, b) => (a.path < b.path ? -1 : 1));
      // Enough files for the reader thread, whose parsing (file-reader-thread.test.ts) this trusts.
      expect(many.length).toBeGreaterThanOrEqual(readerThreadMinFiles);
      const inMemoryMany = many.map(({ path, absolute }) => ({
        path,
        content: readFileSync(absolute, 'utf8'),
      }));
      const report = await validateDiskFiles(many);
      expect(report).toEqual(validateFiles(inMemoryMany));
      expect(report.summary.resources).toBeGreaterThan(1_200);
    } finally {
      rmSync(more, { recursive: true, force: true });
    }
  });

  it('fails with the reason when a file cannot be read', async () => {
    const missing = [
      ...files,
      { path: 'rendered/ci/zzzz/gone.yaml', absolute: join(directory, 'gone.yaml') },
    ];
    await expect(validateDiskFiles(missing)).rejects.toThrow(/ENOENT.*gone\.yaml/);
  });
});
