import { argocdAccess } from '@platform/config';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { customiseArgocdInstall } from './argocd-install';
import { fixtureChoices, installFixture } from './fixtures/install-fixture';
import type { InstallObject } from './install/install-object';
import { applicationHealthCheckKey } from './settings/application-health-check';
import { argocdAdminGroup } from './settings/argocd-rbac-cm';

const customise = (install: unknown[] = installFixture(), namespace = 'argocd') =>
  customiseArgocdInstall(install, namespace, fixtureChoices);

function find(objects: InstallObject[], kind: string, name: string): any {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`${kind}/${name} missing`);
  return found;
}

describe('argocd-cm', () => {
  it('carries the Application health check that makes sync waves wait for child health', () => {
    const data = find(customise(), 'ConfigMap', 'argocd-cm').data;
    expect(data[applicationHealthCheckKey]).toContain('obj.status.health.status');
    expect(data[applicationHealthCheckKey]).toContain('"OutOfSync"');
  });

  it('signs people in through GitLab SSO from the inventory, with no local admin', () => {
    const data = find(customise(), 'ConfigMap', 'argocd-cm').data;
    expect(data['admin.enabled']).toBe('false');
    expect(data.url).toBe(argocdAccess.url);
    const [connector] = parse(data['dex.config']).connectors;
    expect(connector).toMatchObject({
      type: 'gitlab',
      config: {
        baseURL: argocdAccess.sso.gitlabUrl,
        clientSecret: '$argocd-sso-gitlab:clientSecret',
        groups: [...argocdAccess.sso.allowedGroups],
      },
    });
    // The admin group argocd-rbac-cm maps is one the connector lets in.
    expect(argocdAdminGroup.startsWith(`${argocdAccess.sso.allowedGroups[0]}/`)).toBe(true);
  });

  it("keeps upstream's keys and exclusions and adds the platform's high-churn kinds", () => {
    const data = find(customise(), 'ConfigMap', 'argocd-cm').data;
    expect(data['resource.customizations.ignoreResourceUpdates.all']).toContain('/status');
    const exclusions = parse(data['resource.exclusions']);
    expect(exclusions).toContainEqual({ apiGroups: ['coordination.k8s.io'], kinds: ['Lease'] });
    expect(exclusions).toContainEqual({ apiGroups: ['karpenter.sh'], kinds: ['NodeClaim'] });
    expect(data['application.resourceTrackingMethod']).toBe('annotation');
  });

  it('fails naming the key when upstream exclusions are not a list', () => {
    const install = installFixture();
    (find(install, 'ConfigMap', 'argocd-cm').data as any)['resource.exclusions'] = 'kinds: x';
    expect(() => customise(install)).toThrow(/ConfigMap\/argocd-cm data\.resource\.exclusions/);
  });
});

describe('argocd-rbac-cm and argocd-cmd-params-cm', () => {
  it('make every user read-only and the admin group admin', () => {
    const data = find(customise(), 'ConfigMap', 'argocd-rbac-cm').data;
    expect(data['policy.default']).toBe('role:readonly');
    expect(data['policy.csv']).toBe(`g, ${argocdAdminGroup}, role:admin\n`);
    expect(data.scopes).toBe('[groups]');
  });

  it("turn on Server-Side Diff and keep upstream's Redis address", () => {
    const data = find(customise(), 'ConfigMap', 'argocd-cmd-params-cm').data;
    expect(data['controller.diff.server.side']).toBe('true');
    expect(data['redis.server']).toBe('argocd-redis-ha-haproxy:6379');
  });
});

describe('namespaces', () => {
  it('puts namespaced objects and bound ServiceAccounts into the given namespace', () => {
    const objects = customise(installFixture(), 'gitops');
    for (const object of objects) {
      const clusterScoped = ['CustomResourceDefinition', 'ClusterRole', 'ClusterRoleBinding'];
      expect(object.metadata.namespace, object.kind).toBe(
        clusterScoped.includes(object.kind) ? undefined : 'gitops',
      );
    }
    const binding = find(objects, 'ClusterRoleBinding', 'argocd-application-controller');
    expect(binding.subjects[0].namespace).toBe('gitops');
  });

  it('refuses a kind it has not classified, naming it', () => {
    const install = [
      ...installFixture(),
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } },
    ];
    expect(() => customise(install)).toThrow(/Pod\/x: kind Pod is new in the install/);
  });
});

describe('Secrets', () => {
  it('renders the install Secrets without data', () => {
    for (const secret of customise().filter((o) => o.kind === 'Secret')) {
      expect(secret.data).toBeUndefined();
      expect(secret.stringData).toBeUndefined();
    }
  });

  it('stops when an upstream Secret carries data, naming it', () => {
    const install = installFixture();
    find(install, 'Secret', 'argocd-secret').data = { 'server.secretkey': 'c2VjcmV0' };
    expect(() => customise(install)).toThrow(/Secret\/argocd-secret: has data/);
  });
});

describe('self-management', () => {
  const waveOf = (o: InstallObject) =>
    Number(o.metadata.annotations?.['argocd.argoproj.io/sync-wave']);

  it('applies CRDs, then identity and configuration, then workloads', () => {
    const objects = customise();
    const crd = waveOf(find(objects, 'CustomResourceDefinition', 'applications.argoproj.io'));
    const config = waveOf(find(objects, 'ConfigMap', 'argocd-cm'));
    const account = waveOf(find(objects, 'ServiceAccount', 'argocd-application-controller'));
    const controller = waveOf(find(objects, 'StatefulSet', 'argocd-application-controller'));
    expect(crd).toBeLessThan(config);
    expect(config).toBe(account);
    expect(config).toBeLessThan(controller);
  });

  it('never prunes or deletes the CRDs and the controller, and only those chosen', () => {
    const objects = customise();
    const options = (kind: string, name: string) =>
      find(objects, kind, name).metadata.annotations?.['argocd.argoproj.io/sync-options'];
    expect(options('CustomResourceDefinition', 'applications.argoproj.io')).toBe(
      'Prune=false,Delete=false',
    );
    expect(options('StatefulSet', 'argocd-application-controller')).toBe(
      'Prune=false,Delete=false',
    );
    expect(options('Service', 'argocd-repo-server')).toBeUndefined();
  });

  it('fails naming a protected object the install no longer has', () => {
    const install = installFixture().filter((o) => o.kind !== 'StatefulSet');
    const choices = {
      ...fixtureChoices,
      sizes: {
        'Deployment/argocd-repo-server': fixtureChoices.sizes['Deployment/argocd-repo-server']!,
      },
    };
    expect(() => customiseArgocdInstall(install, 'argocd', choices)).toThrow(
      /StatefulSet\/argocd-application-controller: not found in the install/,
    );
  });
});

describe('workloads', () => {
  it('gives every container and init container requests and a memory limit equal to the request', () => {
    for (const workload of customise().filter((o) =>
      ['Deployment', 'StatefulSet'].includes(o.kind),
    )) {
      const pod = (workload as any).spec.template.spec;
      for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
        expect(container.resources.requests.cpu, container.name).toBeTruthy();
        expect(container.resources.limits.memory).toBe(container.resources.requests.memory);
      }
    }
  });

  it('fails naming a container that has no size, and a size for a container that is gone', () => {
    const install = installFixture();
    find(install, 'Deployment', 'argocd-repo-server').spec.template.spec.containers.push({
      name: 'sidecar',
      image: 'example/sidecar:1.0.0',
    });
    expect(() => customise(install)).toThrow(
      /Deployment\/argocd-repo-server container sidecar: has no size/,
    );
    const trimmed = installFixture();
    delete find(trimmed, 'Deployment', 'argocd-repo-server').spec.template.spec.initContainers;
    expect(() => customise(trimmed)).toThrow(
      /Deployment\/argocd-repo-server container copyutil: is sized .* but not in the install/,
    );
  });

  it('sets replicas and keeps the count the controller reads from its environment equal', () => {
    const controller = find(customise(), 'StatefulSet', 'argocd-application-controller');
    expect(controller.spec.replicas).toBe(2);
    expect(controller.spec.template.spec.containers[0].env).toContainEqual({
      name: 'ARGOCD_CONTROLLER_REPLICAS',
      value: '2',
    });
    expect(find(customise(), 'Deployment', 'argocd-repo-server').spec.replicas).toBe(3);
  });

  it('restarts exactly the pods that read argocd-cmd-params-cm when its data changes', () => {
    const checksum = (install: unknown[], kind: string, name: string) =>
      find(customise(install), kind, name).spec.template.metadata?.annotations?.[
        'checksum/argocd-cmd-params-cm'
      ];
    const reading = installFixture();
    find(
      reading,
      'StatefulSet',
      'argocd-application-controller',
    ).spec.template.spec.containers[0].env.push({
      name: 'REDIS_SERVER',
      valueFrom: {
        configMapKeyRef: { name: 'argocd-cmd-params-cm', key: 'redis.server', optional: true },
      },
    });
    const changed = structuredClone(reading);
    find(changed, 'ConfigMap', 'argocd-cmd-params-cm').data['redis.server'] = 'elsewhere:6379';
    const before = checksum(reading, 'StatefulSet', 'argocd-application-controller');
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    expect(checksum(changed, 'StatefulSet', 'argocd-application-controller')).not.toBe(before);
    expect(checksum(reading, 'StatefulSet', 'argocd-application-controller')).toBe(before);
    expect(checksum(reading, 'Deployment', 'argocd-repo-server')).toBeUndefined();
  });

  it('adds a one-at-a-time disruption budget for each workload with more than one replica', () => {
    const objects = customise();
    const budgets = objects.filter((o) => o.kind === 'PodDisruptionBudget') as any[];
    expect(budgets.map((b) => b.metadata.name).sort()).toEqual([
      'argocd-application-controller',
      'argocd-repo-server',
    ]);
    const repoServer = budgets.find((b) => b.metadata.name === 'argocd-repo-server');
    expect(repoServer.metadata.namespace).toBe('argocd');
    expect(repoServer.spec).toEqual({
      maxUnavailable: 1,
      selector: { matchLabels: { 'app.kubernetes.io/name': 'argocd-repo-server' } },
    });
    const single = { ...fixtureChoices.replicas['Deployment/argocd-repo-server']!, replicas: 1 };
    const choices = {
      ...fixtureChoices,
      replicas: { ...fixtureChoices.replicas, 'Deployment/argocd-repo-server': single },
    };
    const names = customiseArgocdInstall(installFixture(), 'argocd', choices)
      .filter((o) => o.kind === 'PodDisruptionBudget')
      .map((o) => o.metadata.name);
    expect(names).toEqual(['argocd-application-controller']);
  });

  it('mounts API tokens only in pods that ask, never by ServiceAccount default', () => {
    const objects = customise();
    for (const account of objects.filter((o) => o.kind === 'ServiceAccount')) {
      expect(account.automountServiceAccountToken).toBe(false);
    }
    const pod = (kind: string, name: string) => find(objects, kind, name).spec.template.spec;
    expect(pod('StatefulSet', 'argocd-application-controller').automountServiceAccountToken).toBe(
      true,
    );
    expect(pod('Deployment', 'argocd-repo-server').automountServiceAccountToken).toBe(false);
  });
});

it('leaves the parsed install it is given untouched', () => {
  const install = installFixture();
  const before = JSON.stringify(install);
  customise(install);
  expect(JSON.stringify(install)).toBe(before);
});

it('names the document that is not a Kubernetes object', () => {
  expect(() => customise([...installFixture(), { kind: 'ConfigMap' }])).toThrow(
    /document 13: is not a Kubernetes object/,
  );
});
