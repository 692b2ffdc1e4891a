import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  argocdDeployerRoleArn,
  argocdIrsaRoleArn,
  inventory,
  managementCluster,
} from '@platform/config';
import { committedObjects, repositoryRoot } from '@platform/rendered-tree';
import { describe, expect, it } from 'vitest';
import { rootApplicationName } from './application-naming';

interface Resource {
  file: string;
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    finalizers?: string[];
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: any;
}

/** The committed output, which the drift check keeps equal to a fresh render. */
const resources = committedObjects('rendered') as Resource[];
const applications = resources.filter((r) => r.kind === 'Application');
const root = applications.find((a) => a.metadata.name === rootApplicationName)!;
const children = applications.filter((a) => a !== root);

/** Every Git path an Application syncs (helm values-only sources excluded). */
function gitPaths(app: Resource): string[] {
  const sources = app.spec.sources ?? [app.spec.source];
  return sources
    .filter((s: any) => s.repoURL === inventory.repository.url && s.path)
    .map((s: any) => s.path);
}

describe('rendered Applications', () => {
  it('exist for every rendered component directory, plus the root', () => {
    const componentDirectories = new Set(
      resources.map((r) => r.file.split('/').slice(0, 4).join('/')),
    );
    const [rootPath] = gitPaths(root);
    componentDirectories.delete(rootPath!);
    expect(children.flatMap(gitPaths).sort()).toEqual([...componentDirectories].sort());
    expect(root).toBeDefined();
  });

  it('point at a directory that exists under rendered/, or at an exact chart version', () => {
    for (const app of applications) {
      const sources = app.spec.sources ?? [app.spec.source];
      for (const source of sources) {
        if (source.repoURL === inventory.repository.url) {
          if (source.path)
            expect(statSync(join(repositoryRoot, source.path)).isDirectory(), app.file).toBe(true);
        } else {
          expect(source.targetRevision, app.file).toMatch(/^\d+\.\d+\.\d+$/);
        }
        for (const valueFile of source.helm?.valueFiles ?? []) {
          expect(valueFile).toMatch(/^\$values\//);
          expect(
            existsSync(join(repositoryRoot, valueFile.replace('$values/', ''))),
            valueFile,
          ).toBe(true);
        }
      }
    }
  });

  it('are all reached from the root: every child is a file in the directory the root syncs', () => {
    const [rootPath] = gitPaths(root);
    expect(rootPath).toBeDefined();
    for (const child of children)
      expect(child.file.startsWith(`${rootPath}/`), child.file).toBe(true);
    expect(root.file.startsWith(`${rootPath}/`)).toBe(true);
  });

  it('never manage the same resource twice: synced directories are disjoint and cover rendered/', () => {
    const paths = applications.flatMap(gitPaths);
    expect(new Set(paths).size).toBe(paths.length);
    for (const a of paths)
      for (const b of paths)
        if (a !== b) expect(a.startsWith(`${b}/`), `${a} inside ${b}`).toBe(false);
    for (const resource of resources) {
      const owners = paths.filter((p) => resource.file.startsWith(`${p}/`));
      expect(owners, resource.file).toHaveLength(1);
    }
  });

  it('sync automatically with prune, selfHeal, retry; the resources finalizer on every child, not on the root', () => {
    for (const app of applications) {
      expect(app.spec.syncPolicy.automated).toEqual({ prune: true, selfHeal: true });
      expect(app.spec.syncPolicy.retry.limit).toBeGreaterThan(0);
      if (app === root) expect(app.metadata.finalizers ?? []).toEqual([]);
      else expect(app.metadata.finalizers).toContain('resources-finalizer.argocd.argoproj.io');
      expect(app.spec.destination.server).toBeUndefined();
      expect(app.spec.destination.name).toBeTruthy();
      expect(app.spec.project).not.toBe('default');
    }
  });
});

describe('rendered AppProjects', () => {
  const projects = resources.filter((r) => r.kind === 'AppProject');

  it('give the root project only Applications and AppProjects in the ArgoCD namespace', () => {
    const rootProject = projects.find((p) => p.metadata.name === root.spec.project)!;
    expect(rootProject.spec.namespaceResourceWhitelist).toEqual([
      { group: 'argoproj.io', kind: 'AppProject' },
      { group: 'argoproj.io', kind: 'Application' },
    ]);
    expect(rootProject.spec.clusterResourceWhitelist).toEqual([]);
    expect(rootProject.spec.destinations).toEqual([{ name: 'in-cluster', namespace: 'argocd' }]);
  });

  it('allow every resource an app renders, and no cluster-scoped kind it does not render or declare', () => {
    for (const child of children) {
      const project = projects.find((p) => p.metadata.name === child.spec.project)!;
      for (const path of gitPaths(child)) {
        for (const resource of resources.filter((r) => r.file.startsWith(`${path}/`))) {
          const group = resource.apiVersion.includes('/') ? resource.apiVersion.split('/')[0] : '';
          if (resource.metadata.namespace) {
            expect(project.spec.destinations, resource.file).toContainEqual({
              name: child.spec.destination.name,
              namespace: resource.metadata.namespace,
            });
            expect(project.spec.namespaceResourceWhitelist, resource.file).toContainEqual({
              group,
              kind: resource.kind,
            });
          } else {
            expect(project.spec.clusterResourceWhitelist, resource.file).toContainEqual({
              group,
              kind: resource.kind,
            });
          }
        }
      }
      expect(project.spec.sourceRepos).not.toContain('*');
    }
  });

  it('allow exactly the kinds their Applications deploy, derived from the rendered files', () => {
    for (const project of projects.filter((p) => p.metadata.name !== root.spec.project)) {
      const paths = children
        .filter((child) => child.spec.project === project.metadata.name)
        .flatMap(gitPaths);
      const deployed = resources.filter((r) => paths.some((path) => r.file.startsWith(`${path}/`)));
      const kindsOf = (namespaced: boolean) =>
        [
          ...new Set(
            deployed
              .filter((r) => Boolean(r.metadata.namespace) === namespaced)
              .map(
                (r) => `${r.apiVersion.includes('/') ? r.apiVersion.split('/')[0] : ''}/${r.kind}`,
              ),
          ),
        ].sort();
      const listed = (entries: { group: string; kind: string }[]) =>
        entries.map((e) => `${e.group}/${e.kind}`).sort();
      expect(listed(project.spec.clusterResourceWhitelist), project.metadata.name).toEqual(
        kindsOf(false),
      );
      expect(listed(project.spec.namespaceResourceWhitelist), project.metadata.name).toEqual(
        kindsOf(true),
      );
    }
  });
});

describe('sync order of the root', () => {
  const wave = (r: Resource) =>
    Number(r.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? 0);
  it('creates every AppProject in a wave before every Application that uses it', () => {
    const projects = resources.filter((r) => r.kind === 'AppProject');
    for (const child of children) {
      const project = projects.find((p) => p.metadata.name === child.spec.project)!;
      expect(wave(project), `${project.file} before ${child.file}`).toBeLessThan(wave(child));
    }
  });
});

describe('the cluster registration', () => {
  it('uses EKS IAM auth and carries no credentials', () => {
    // Cluster registrations are the Secrets ArgoCD reads as clusters (other Secrets exist, rendered
    // empty: the External Secrets webhook's certificate, Argo CD's own).
    const secrets = resources.filter(
      (r: any) =>
        r.kind === 'Secret' && r.metadata.labels?.['argocd.argoproj.io/secret-type'] === 'cluster',
    );
    const workloadClusters = inventory.clusters.filter((c) => c.role === 'workload');
    expect(secrets.map((s) => s.metadata.name).sort()).toEqual(
      workloadClusters.map((c) => `cluster-${c.name}`).sort(),
    );
    for (const secret of secrets as any[]) {
      const config = JSON.parse(secret.stringData.config);
      expect(config.awsAuthConfig.roleARN).toMatch(/^arn:aws:iam::\d{12}:role\//);
      expect(Object.keys(config).sort()).toEqual(['awsAuthConfig', 'tlsClientConfig']);
      expect(Object.keys(config.tlsClientConfig).sort()).toEqual(['caData', 'insecure']);
      expect(secret.data).toBeUndefined();
    }
  });

  it("names the inventory's deployer role, and Argo CD's controller and server ServiceAccounts carry its IRSA role", () => {
    const management = managementCluster(inventory);
    const account = (name: string) =>
      resources.find((r) => r.kind === 'ServiceAccount' && r.metadata.name === name)!;
    for (const name of ['argocd-application-controller', 'argocd-server'])
      expect(account(name).metadata.annotations?.['eks.amazonaws.com/role-arn']).toBe(
        argocdIrsaRoleArn(management),
      );
    for (const cluster of inventory.clusters.filter((c) => c.role === 'workload')) {
      const secret = resources.find(
        (r) => r.kind === 'Secret' && r.metadata.name === `cluster-${cluster.name}`,
      ) as any;
      expect(JSON.parse(secret.stringData.config).awsAuthConfig.roleARN).toBe(
        argocdDeployerRoleArn(cluster),
      );
    }
  });
});
