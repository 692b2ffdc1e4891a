// The generated corpus both validation benchmarks use: realistic manifests of the kinds this
// platform renders, one resource per file, as under rendered/.
import { stringify } from 'yaml';
import type { SourceFile } from '@platform/validate';

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

export function corpus(count: number): SourceFile[] {
  return Array.from({ length: count }, (_, i) => {
    const manifest = makers[i % makers.length]!(i) as { kind: string };
    return {
      path: `rendered/bench/${manifest.kind.toLowerCase()}-${i}.yaml`,
      content: `# Generated by the validation benchmark.\n${stringify(manifest, { lineWidth: 0, indentSeq: true })}`,
    };
  });
}
