import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube/kube-object';
import { webhookDenial } from './admission-webhooks';
import { ClusterModel } from './cluster-model';
import { settle, type WorldSettings } from './outside-world';

const origin = { by: 'test', step: 0 };
const settings: WorldSettings = {
  runtimeSecrets: [],
  statusWritersOf: () => ({ workloads: [] }),
  ownStatus: () => false,
  assume: () => undefined,
};
const deployment = (
  name: string,
  namespace: string,
  labels: Record<string, string>,
  secret?: string,
): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace },
  spec: {
    replicas: 1,
    selector: { matchLabels: labels },
    template: {
      metadata: { labels },
      spec: {
        containers: [
          {
            name: 'c',
            image: 'x',
            ...(secret
              ? { env: [{ name: 'S', valueFrom: { secretKeyRef: { name: secret, key: 'k' } } }] }
              : {}),
          },
        ],
      },
    },
  },
});
const service = (
  name: string,
  namespace: string,
  selector: Record<string, string>,
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace },
  spec: { selector, ports: [{ port: 443 }] },
});
const namespace = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name },
});

function cluster(): ClusterModel {
  return new ClusterModel('test', ['kube-system'], webhookDenial);
}

describe('the cluster model (what the API server answers)', () => {
  it('refuses a kind it does not serve and an object in a namespace that does not exist', () => {
    const model = cluster();
    expect(
      model.apply({ apiVersion: 'x.io/v1', kind: 'Thing', metadata: { name: 't' } }, origin)
        .message,
    ).toBe('no matches for kind "Thing" in version "x.io/v1"');
    expect(
      model.apply(
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'jobs' } },
        origin,
      ).message,
    ).toBe('namespaces "jobs" not found');
    expect(model.apply(namespace('jobs'), origin).ok).toBe(true);
    expect(
      model.apply(
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'jobs' } },
        origin,
      ).ok,
    ).toBe(true);
    expect(model.get('v1', 'ServiceAccount', 'jobs', 'default')).toBeDefined();
  });

  it('serves a custom resource once its CRD is stored, in the versions it serves', () => {
    const model = cluster();
    model.apply(
      {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'things.x.io' },
        spec: {
          group: 'x.io',
          scope: 'Cluster',
          names: { kind: 'Thing', plural: 'things' },
          versions: [
            { name: 'v1', served: true },
            { name: 'v1beta1', served: false },
          ],
        },
      },
      origin,
    );
    expect(model.served('x.io/v1', 'Thing')).toEqual({ plural: 'things', namespaced: false });
    expect(model.served('x.io/v1beta1', 'Thing')).toBeUndefined();
  });

  it('a failurePolicy Fail webhook whose Deployment is not available yet rejects what it intercepts', () => {
    const model = cluster();
    model.apply(namespace('hooks'), origin);
    model.apply(service('hook', 'hooks', { app: 'hook' }), origin);
    model.apply(deployment('hook', 'hooks', { app: 'hook' }, 'hook-certificate'), origin);
    model.apply(
      {
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'ValidatingWebhookConfiguration',
        metadata: { name: 'validate' },
        webhooks: [
          {
            name: 'validate.configmaps',
            clientConfig: { service: { namespace: 'hooks', name: 'hook' } },
            rules: [
              {
                apiGroups: [''],
                apiVersions: ['v1'],
                operations: ['CREATE'],
                resources: ['configmaps'],
              },
            ],
          },
        ],
      },
      origin,
    );
    settle(model, settings, 1);
    const configMap: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', namespace: 'hooks' },
    };
    expect(model.apply(configMap, origin).message).toContain(
      'failed calling webhook "validate.configmaps": no endpoints available for service "hooks/hook"',
    );
    expect(
      model.apply(
        {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'hook-certificate', namespace: 'hooks' },
        },
        origin,
      ).ok,
    ).toBe(true);
    settle(model, settings, 2);
    expect(model.apply(configMap, origin).ok).toBe(true);
  });

  it('an aggregated API is served only while its APIService has a ready endpoint', () => {
    const model = cluster();
    model.apply(namespace('metrics'), origin);
    model.apply(service('metrics', 'metrics', { app: 'metrics' }), origin);
    model.apply(
      {
        apiVersion: 'apiregistration.k8s.io/v1',
        kind: 'APIService',
        metadata: { name: 'v1beta1.metrics.k8s.io' },
        spec: {
          group: 'metrics.k8s.io',
          version: 'v1beta1',
          service: { namespace: 'metrics', name: 'metrics' },
        },
      },
      origin,
    );
    const usage: KubeObject = {
      apiVersion: 'metrics.k8s.io/v1beta1',
      kind: 'NodeMetrics',
      metadata: { name: 'n', namespace: 'metrics' },
    };
    expect(model.apply(usage, origin).message).toContain(
      'the server is currently unable to handle the request',
    );
    model.apply(deployment('metrics', 'metrics', { app: 'metrics' }), origin);
    settle(model, settings, 1);
    expect(model.apply(usage, origin).ok).toBe(true);
  });
});
