// Validation benchmark: parse-only vs full strict validation over a generated corpus of one
// resource per file (as under rendered/), plus a cold `gitops validate` of the real rendered/.
// Run: npx tsx tools/bench/src/validate-bench.ts   (BENCH_RESOURCES, BENCH_RUNS to change sizes)
import { join } from 'node:path';
import { execa } from 'execa';
import { stringify } from 'yaml';
import { parseManifestFile } from '@platform/manifests';
import { validateFiles, type SourceFile } from '@platform/validate';
import { repositoryRoot } from '@platform/gitops';
import { formatTiming, medianTiming, type Timing } from './median-timing';

const resourceCount = Number(process.env.BENCH_RESOURCES ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 5);

const labels = (app: string, component: string) => ({
  'app.kubernetes.io/managed-by': 'argocd',
  'app.kubernetes.io/part-of': app,
  'app.kubernetes.io/component': component,
});

/** Realistic manifests of the kinds this platform renders, cycled to fill the corpus. */
const makers: ((i: number) => object)[] = [
  (i) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `web-${i}`, namespace: `team-${i % 50}`, labels: labels('shop', 'web') },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: `web-${i}` } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '25%' } },
      template: {
        metadata: { labels: { app: `web-${i}` } },
        spec: {
          serviceAccountName: 'web',
          securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [
            {
              name: 'app',
              image:
                'registry.example.com/web@sha256:2b9c4c1f0e8d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b',
              ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
              env: [{ name: 'LOG_LEVEL', value: 'info' }],
              resources: {
                requests: { cpu: '100m', memory: '128Mi' },
                limits: { memory: '256Mi' },
              },
              readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 5 },
              securityContext: {
                allowPrivilegeEscalation: false,
                capabilities: { drop: ['ALL'] },
                readOnlyRootFilesystem: true,
              },
            },
          ],
          tolerations: [{ key: 'ci', operator: 'Equal', value: 'jobs', effect: 'NoSchedule' }],
        },
      },
    },
  }),
  (i) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: `ns-${i}`,
      labels: {
        ...labels('platform', 'namespaces'),
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/enforce-version': 'v1.33',
      },
    },
  }),
  (i) => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: `app-${i}`,
      namespace: 'argocd',
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
      labels: labels('argocd-root', 'app-of-apps'),
    },
    spec: {
      project: 'platform',
      destination: { name: 'ci', namespace: `team-${i % 50}` },
      source: {
        repoURL: 'https://gitlab.example.com/platform/gitops.git',
        targetRevision: 'main',
        path: `rendered/ci/app-${i}`,
      },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        retry: { limit: 5, backoff: { duration: '5s', factor: 2, maxDuration: '3m' } },
        syncOptions: ['PruneLast=true'],
      },
    },
  }),
  (i) => ({
    apiVersion: 'karpenter.sh/v1',
    kind: 'NodePool',
    metadata: { name: `pool-${i}`, labels: labels('karpenter', 'node-pools') },
    spec: {
      template: {
        metadata: { labels: { 'platform.example.com/pool': `pool-${i}` } },
        spec: {
          nodeClassRef: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name: 'default' },
          requirements: [
            { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot', 'on-demand'] },
            { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] },
          ],
          taints: [{ key: 'ci', value: 'jobs', effect: 'NoSchedule' }],
          expireAfter: '720h',
        },
      },
      limits: { cpu: '1000', memory: '4000Gi' },
      disruption: {
        consolidationPolicy: 'WhenEmptyOrUnderutilized',
        consolidateAfter: '5m',
        budgets: [{ nodes: '10%' }],
      },
    },
  }),
  (i) => ({
    apiVersion: 'karpenter.k8s.aws/v1',
    kind: 'EC2NodeClass',
    metadata: { name: `class-${i}`, labels: labels('karpenter', 'node-classes') },
    spec: {
      role: 'KarpenterNodeRole-ci',
      amiSelectorTerms: [{ alias: 'al2023@latest' }],
      subnetSelectorTerms: [{ tags: { 'karpenter.sh/discovery': 'ci' } }],
      securityGroupSelectorTerms: [{ tags: { 'karpenter.sh/discovery': 'ci' } }],
      metadataOptions: {
        httpEndpoint: 'enabled',
        httpTokens: 'required',
        httpPutResponseHopLimit: 1,
      },
      blockDeviceMappings: [
        {
          deviceName: '/dev/xvda',
          ebs: { volumeSize: '100Gi', volumeType: 'gp3', encrypted: true },
        },
      ],
    },
  }),
  (i) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: `svc-${i}`, namespace: `team-${i % 50}`, labels: labels('shop', 'web') },
    spec: {
      selector: { app: `web-${i}` },
      ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
    },
  }),
  (i) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `settings-${i}`, namespace: `team-${i % 50}`, labels: labels('shop', 'web') },
    data: { 'app.yaml': 'log:\n  level: info\n', FEATURE_FLAGS: 'a,b,c' },
  }),
];

function corpus(count: number): SourceFile[] {
  return Array.from({ length: count }, (_, i) => {
    const manifest = makers[i % makers.length]!(i) as { kind: string };
    return {
      path: `rendered/bench/${manifest.kind.toLowerCase()}-${i}.yaml`,
      content: `# Generated by the validation benchmark.\n${stringify(manifest, { lineWidth: 0, indentSeq: true })}`,
    };
  });
}

const files = corpus(resourceCount);
const perSecond = (t: Timing) => Math.round(resourceCount / (t.medianMs / 1000));

const firstRun = await medianTiming(
  'full validation, first run (loads and compiles schemas)',
  1,
  () => {
    const report = validateFiles(files);
    if (report.summary.errors > 0)
      throw new Error(
        `the corpus must be valid; first error: ${JSON.stringify(report.findings[0])}`,
      );
  },
);
const parseOnly = await medianTiming(
  `parse only (parseManifestFile), ${resourceCount} resources`,
  runs,
  () => {
    for (const file of files) parseManifestFile(file.path, file.content);
  },
);
const validation = await medianTiming(
  `full validation (validateFiles), ${resourceCount} resources`,
  runs,
  () => validateFiles(files),
);
const cli = await medianTiming(
  'cold `gitops validate --engine embedded` of rendered/ (new process)',
  runs,
  () =>
    execa(
      'node',
      [join(repositoryRoot, 'tools/gitops/bin/gitops.mjs'), 'validate', '--engine', 'embedded'],
      { cwd: repositoryRoot },
    ),
);

for (const timing of [firstRun, parseOnly, validation, cli]) console.log(formatTiming(timing));
console.log(`parse only:      ${perSecond(parseOnly).toLocaleString('en-US')} resources/s`);
console.log(`full validation: ${perSecond(validation).toLocaleString('en-US')} resources/s`);
console.log(
  `validate/parse:  ${(validation.medianMs / parseOnly.medianMs).toFixed(2)}x (target <= 2x)`,
);
