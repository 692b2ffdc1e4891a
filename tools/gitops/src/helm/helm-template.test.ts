import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { karpenterPackageFixture, temporaryVendorRoot, vendoredChartPackage } from '../vendor';
import { HelmError } from './helm-error';
import { helmTemplate, type HelmTemplateRequest } from './helm-template';

const scratch = mkdtempSync(join(tmpdir(), 'gitops-helm-template-test-'));
const vendor = temporaryVendorRoot([karpenterPackageFixture()]);
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  vendor.dispose();
});

const karpenter = (overrides: Partial<HelmTemplateRequest> = {}): HelmTemplateRequest => ({
  chartPackage: vendoredChartPackage(vendor.root, { chart: 'karpenter', version: '1.14.1' }),
  releaseName: 'karpenter',
  namespace: 'kube-system',
  kubeVersion: '1.33',
  apiVersions: [],
  includeCrds: false,
  values: { settings: { clusterName: 'test' } },
  ...overrides,
});

const kinds = (stream: string) =>
  parseAllDocuments(stream)
    .map((document) => document.toJS() as { kind: string; metadata: { name: string } } | null)
    .filter((object) => object !== null);

describe.skipIf(process.platform !== 'linux' || process.arch !== 'x64')(
  'helm template with the pinned Helm',
  () => {
    it('renders the Karpenter 1.14.1 package into its 13 objects, byte-identical twice', async () => {
      const first = await helmTemplate(karpenter());
      const second = await helmTemplate(karpenter());
      expect(second).toBe(first);
      const objects = kinds(first);
      expect(objects).toHaveLength(13);
      expect(objects.filter((o) => o.kind === 'Deployment').map((o) => o.metadata.name)).toEqual([
        'karpenter',
      ]);
      expect(first).toContain('value: "test"');
      expect(objects.some((o) => o.kind === 'CustomResourceDefinition')).toBe(false);
    });

    it('adds the chart’s five CRDs with includeCrds', async () => {
      const objects = kinds(await helmTemplate(karpenter({ includeCrds: true })));
      expect(objects).toHaveLength(18);
      expect(
        objects
          .filter((o) => o.kind === 'CustomResourceDefinition')
          .map((o) => o.metadata.name)
          .sort(),
      ).toEqual([
        'capacitybuffers.autoscaling.x-k8s.io',
        'ec2nodeclasses.karpenter.k8s.aws',
        'nodeclaims.karpenter.sh',
        'nodeoverlays.karpenter.sh',
        'nodepools.karpenter.sh',
      ]);
    });

    it('fails with the chart, the release and Helm’s own message', async () => {
      const failure = helmTemplate(karpenter({ values: {} }));
      await expect(failure).rejects.toBeInstanceOf(HelmError);
      await expect(failure).rejects.toThrow(
        /^helm template of chart karpenter@1\.14\.1 \(release karpenter, namespace kube-system\) failed: .*Chart cannot be installed without a valid settings\.clusterName!/,
      );
    });

    it('passes the kube version and API versions to the chart, renders hooks and skips tests', async () => {
      const chart = join(scratch, 'capabilities');
      mkdirSync(join(chart, 'templates'), { recursive: true });
      writeFileSync(
        join(chart, 'Chart.yaml'),
        'apiVersion: v2\nname: capabilities\nversion: 0.1.0\n',
      );
      const configMap = (name: string, annotations: string, data: string) =>
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  annotations: {${annotations}}\ndata:\n${data}`;
      writeFileSync(
        join(chart, 'templates', 'facts.yaml'),
        configMap(
          'facts',
          '',
          '  kube: {{ .Capabilities.KubeVersion.Version | quote }}\n' +
            '  monitors: {{ .Capabilities.APIVersions.Has "monitoring.coreos.com/v1/ServiceMonitor" | quote }}\n' +
            '  namespace: {{ .Release.Namespace | quote }}\n',
        ),
      );
      writeFileSync(
        join(chart, 'templates', 'hook.yaml'),
        configMap('pre-install-hook', '"helm.sh/hook": pre-install', '  x: "1"\n'),
      );
      writeFileSync(
        join(chart, 'templates', 'test.yaml'),
        configMap('a-test', '"helm.sh/hook": test', '  x: "1"\n'),
      );
      const objects = kinds(
        await helmTemplate({
          chartPackage: chart,
          releaseName: 'facts',
          namespace: 'observability',
          kubeVersion: '1.33',
          apiVersions: ['monitoring.coreos.com/v1/ServiceMonitor'],
          includeCrds: false,
          values: {},
        }),
      ) as unknown as { metadata: { name: string }; data: Record<string, string> }[];
      expect(objects.map((o) => o.metadata.name).sort()).toEqual(['facts', 'pre-install-hook']);
      expect(objects.find((o) => o.metadata.name === 'facts')!.data).toEqual({
        kube: 'v1.33.0',
        monitors: 'true',
        namespace: 'observability',
      });
    });
  },
);

describe('the Helm process helmTemplate starts', () => {
  const record = join(scratch, 'record');
  let helm = '';
  beforeAll(() => {
    mkdirSync(record, { recursive: true });
    helm = join(scratch, 'recording-helm');
    writeFileSync(
      helm,
      [
        '#!/bin/sh',
        `printf '%s\\n' "$@" > ${record}/args`,
        `env | sort > ${record}/env`,
        `while [ $# -gt 0 ]; do [ "$1" = --values ] && cp "$2" ${record}/values; shift; done`,
        "printf 'kind: ConfigMap\\n'",
        '',
      ].join('\n'),
    );
    chmodSync(helm, 0o755);
  });

  it('runs helm template with exact flags, a values file and an empty Helm home, then removes it', async () => {
    const temporary = mkdtempSync(join(scratch, 'tmp-'));
    const previous = { TMPDIR: process.env.TMPDIR, KUBECONFIG: process.env.KUBECONFIG };
    process.env.TMPDIR = temporary;
    process.env.KUBECONFIG = '/home/someone/.kube/config';
    let output: string;
    try {
      output = await helmTemplate(
        {
          chartPackage: '/charts/karpenter-1.14.1.tgz',
          releaseName: 'karpenter',
          namespace: 'kube-system',
          kubeVersion: '1.33',
          apiVersions: ['b.example.com/v1', 'a.example.com/v1', 'b.example.com/v1'],
          includeCrds: true,
          values: { settings: { clusterName: 'ci' }, replicas: 2 },
        },
        { path: helm, version: 'v4.1.4', pinned: true, sha256: 'unused' },
      );
    } finally {
      Object.assign(process.env, previous);
      if (previous.TMPDIR === undefined) delete process.env.TMPDIR;
      if (previous.KUBECONFIG === undefined) delete process.env.KUBECONFIG;
    }
    expect(output).toBe('kind: ConfigMap\n');
    const args = readFileSync(join(record, 'args'), 'utf8').trimEnd().split('\n');
    const home = args.at(-1)!.replace(/\/values\.json$/, '');
    expect(home.startsWith(temporary)).toBe(true);
    expect(args).toEqual([
      'template',
      'karpenter',
      '/charts/karpenter-1.14.1.tgz',
      '--namespace',
      'kube-system',
      '--kube-version',
      '1.33.0',
      '--api-versions',
      'a.example.com/v1',
      '--api-versions',
      'b.example.com/v1',
      '--include-crds',
      '--skip-tests',
      '--values',
      `${home}/values.json`,
    ]);
    expect(JSON.parse(readFileSync(join(record, 'values'), 'utf8'))).toEqual({
      settings: { clusterName: 'ci' },
      replicas: 2,
    });
    const env = readFileSync(join(record, 'env'), 'utf8');
    expect(env).toContain(`HOME=${home}\n`);
    expect(env).toContain(`HELM_CACHE_HOME=${home}/cache\n`);
    expect(env).toContain(`HELM_CONFIG_HOME=${home}/config\n`);
    expect(env).toContain(`HELM_DATA_HOME=${home}/data\n`);
    expect(env).not.toContain('KUBECONFIG');
    expect(readdirSync(temporary)).toEqual([]);
  });

  it('refuses a Kubernetes version that is not major.minor[.patch]', async () => {
    await expect(
      helmTemplate(
        { ...karpenter(), kubeVersion: 'latest' },
        { path: helm, version: 'v4.1.4', pinned: true, sha256: 'unused' },
      ),
    ).rejects.toThrow('kubeVersion must look like 1.33 or 1.33.0 (got "latest")');
  });
});
