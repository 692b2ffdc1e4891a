import { describe, expect, it } from 'vitest';
import { readPolicyDocuments } from '../document/policy-document';
import { file, yaml } from '../fixtures/rule-fixture';
import { newestModelledMinor } from './standard-changes';
import { podSecurityVersions } from './workload-version';

const clusterVersions = { ci: '1.33' };

function namespace(cluster: string, name: string, version?: string) {
  const pin = version ? `\n    pod-security.kubernetes.io/enforce-version: ${version}` : '';
  return file(
    `rendered/${cluster}/app/namespaces/namespace-${name}.yaml`,
    yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: ${name}
        labels:
          pod-security.kubernetes.io/enforce: restricted${pin.replace(/\n/g, '\n      ')}
    `,
  );
}

function versionOfPod(cluster: string, podNamespace: string, namespaces = [namespace('ci', 'x')]) {
  const pod = file(
    `rendered/${cluster}/app/web/pod-${podNamespace}-web.yaml`,
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: ${podNamespace}\n`,
  );
  const { documents } = readPolicyDocuments([...namespaces, pod]);
  const resource = documents.find((d) => d.resource?.kind === 'Pod')!.resource!;
  return podSecurityVersions(documents, clusterVersions)(resource);
}

describe('the Pod Security version of a workload', () => {
  it("is its namespace's pinned enforce-version", () => {
    expect(versionOfPod('ci', 'shop', [namespace('ci', 'shop', 'v1.28')])).toEqual({
      policy: 28,
      cluster: 33,
    });
  });

  it("is the cluster's version for latest, no pin, or no Namespace among the files", () => {
    expect(versionOfPod('ci', 'shop', [namespace('ci', 'shop', 'latest')]).policy).toBe(33);
    expect(versionOfPod('ci', 'shop', [namespace('ci', 'shop')]).policy).toBe(33);
    expect(versionOfPod('ci', 'shop').policy).toBe(33);
  });

  it("is capped at the cluster's version, as the API server clamps a newer pin", () => {
    expect(versionOfPod('ci', 'shop', [namespace('ci', 'shop', 'v1.35')]).policy).toBe(33);
  });

  it('takes the pin of the namespace on its own cluster only', () => {
    expect(versionOfPod('ci', 'shop', [namespace('mgmt', 'shop', 'v1.28')]).policy).toBe(33);
  });

  it('is the newest modelled version outside the rendered layout or on an unknown cluster', () => {
    expect(versionOfPod('other', 'shop')).toEqual({
      policy: newestModelledMinor,
      cluster: newestModelledMinor,
    });
  });
});
