// Source text of the generated components of the scaling workspace. They are written as files and
// loaded by path, as `gitops render` loads every real component.

/** The namespaces the services live in, created first (sync wave 0), restricted. */
export function namespacesComponent(names: string[]): string {
  return `import { addPlatformNamespace, defineComponent } from '@platform/core';

export default defineComponent({
  description: 'the namespaces of the generated services',
  clusters: 'workload',
  namespace: ${JSON.stringify(names[0])},
  additionalNamespaces: ${JSON.stringify(names.slice(1))},
  syncWave: 0,
  resources: (chart) => {
    for (const name of ${JSON.stringify(names)}) addPlatformNamespace(chart, { name, podSecurity: 'restricted' });
  },
});
`;
}

/**
 * One small service: a ConfigMap and a Deployment that every policy rule accepts (restricted Pod
 * Security, requests and a memory limit, a pinned image, no service-account token).
 */
export function serviceComponent(name: string, namespace: string): string {
  return `import { defineComponent } from '@platform/core';

const labels = { 'app.kubernetes.io/name': ${JSON.stringify(name)} };

export default defineComponent({
  description: 'generated service ${name}',
  clusters: 'workload',
  namespace: ${JSON.stringify(namespace)},
  syncWave: 1,
  resources: (chart) => {
    chart.add({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: ${JSON.stringify(name)}, namespace: ${JSON.stringify(namespace)}, labels },
      data: { 'settings.yaml': 'level: info\\nport: 8080\\n' },
    });
    chart.add({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: ${JSON.stringify(name)}, namespace: ${JSON.stringify(namespace)}, labels },
      spec: {
        replicas: 2,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            automountServiceAccountToken: false,
            securityContext: { runAsNonRoot: true, runAsUser: 65532, seccompProfile: { type: 'RuntimeDefault' } },
            containers: [
              {
                name: 'app',
                image: 'registry.example.com/${name}:1.0.0@sha256:${'0123456789abcdef'.repeat(4)}',
                ports: [{ name: 'http', containerPort: 8080 }],
                resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '128Mi' } },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  readOnlyRootFilesystem: true,
                  capabilities: { drop: ['ALL'] },
                },
                volumeMounts: [{ name: 'settings', mountPath: '/etc/app' }],
              },
            ],
            volumes: [{ name: 'settings', configMap: { name: ${JSON.stringify(name)} } }],
          },
        },
      },
    });
  },
});
`;
}
