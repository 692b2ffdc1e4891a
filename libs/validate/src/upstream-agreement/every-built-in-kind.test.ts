import { expect, it } from 'vitest';
import { validateFiles } from '../runner/validate-files';
import {
  definitionsByGroupVersionKind,
  describeWithUpstream,
  readSwagger,
} from './upstream-reference';

/**
 * Every kind Kubernetes 1.36 stores (a kind with a `<Kind>List` in its API version, apimachinery's
 * discovery types left out), written as a minimal manifest and as a List holding it. The kinds come
 * from upstream's OpenAPI spec, not from the embedded schemas, so a kind the generator dropped
 * fails here. Every generally available kind has a schema; an alpha or beta version the models
 * lack (off unless a cluster enables it) gets a message that says so and names the GA version.
 */
describeWithUpstream('every built-in kind of Kubernetes 1.36 has a schema', () => {
  const byKey = definitionsByGroupVersionKind(readSwagger('1.36'));
  const keys = [...byKey.keys()].filter(
    (key) => !byKey.get(key)!.startsWith('io.k8s.apimachinery.'),
  );
  const stored = keys.filter((key) => keys.includes(`${key}List`));
  const preRelease = (key: string) => /\/v\d+(alpha|beta)\d+\/[^/]+$/.test(key);

  it('finds the stored kinds in the spec (Pods, Deployments, Leases, DeviceClasses, ...)', () => {
    expect(stored).toEqual(
      expect.arrayContaining([
        'v1/Pod',
        'apps/v1/Deployment',
        'coordination.k8s.io/v1/Lease',
        'resource.k8s.io/v1/DeviceClass',
      ]),
    );
    expect(stored.filter((key) => !preRelease(key)).length).toBeGreaterThan(55);
  });

  /** The findings about schemas being absent, for a manifest of the kind and a List of it. */
  function missingSchemaFindings(key: string) {
    const kind = key.split('/').at(-1)!;
    const apiVersion = key.slice(0, -kind.length - 1);
    const object = `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: example\n  namespace: default\n`;
    const content = `${object}---\napiVersion: ${apiVersion}\nkind: ${kind}List\nitems:\n  - ${object.trimEnd().split('\n').join('\n    ')}\n`;
    return validateFiles([{ path: `${key}.yaml`, content }]).findings.filter(
      (finding) => finding.rule === 'schema-missing',
    );
  }

  it('validates a manifest and a List of every generally available kind against a schema', () => {
    const missing = stored.filter((key) => !preRelease(key)).flatMap(missingSchemaFindings);
    expect(missing.map((finding) => `${finding.file}: ${finding.message}`)).toEqual([]);
  });

  it('explains every alpha or beta kind without a schema: off by default, and the GA version to use', () => {
    const findings = stored.filter(preRelease).flatMap(missingSchemaFindings);
    for (const finding of findings)
      expect(finding.message, finding.file).toMatch(
        /is a pre-release API that Kubernetes serves only when the cluster enables it .*: (use |list the kind)/,
      );
    expect(findings.map((finding) => finding.file)).toContain(
      'resource.k8s.io/v1beta1/DeviceClass.yaml',
    );
    expect(
      findings.find((f) => f.file === 'resource.k8s.io/v1beta1/DeviceClass.yaml')!.message,
    ).toMatch(/use resource\.k8s\.io\/v1$/);
  });
});
