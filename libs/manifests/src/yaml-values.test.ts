import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseManifestFile } from './manifest-document';
import { readValues } from './yaml-values';

/** Manifests in the forms this repository and upstream charts write, quoted and block scalars included. */
const corpus = [
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: { app: web, "app.kubernetes.io/version": "1.0" }
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: app
          image: "nginx:1.27"
          args: ['--a=1', "--b", plain text]
          env:
            - { name: RATIO, value: "0.5" }
          resources: { limits: { cpu: 500m, memory: 128Mi } }
      nodeSelector: {}
      tolerations: []
`,
  `---
# comment
apiVersion: v1
kind: ConfigMap
metadata:
  name: c
data:
  script: |
    #!/bin/sh
    echo "hi"
  folded: >
    one
    two
  empty: ""
  number: "0755"
  nothing: null
  tilde: ~
  float: 1.5e3
  negative: -3
  hex: 0x1F
---
apiVersion: v1
kind: Namespace
metadata:
  name: ns
`,
];

describe('the fast parser agrees with the positions parser', () => {
  for (const [index, text] of corpus.entries()) {
    it(`reads the same values from corpus document ${index}`, () => {
      const slow = parseAllDocuments(text).map((doc) => doc.toJS());
      expect(readValues(text).values).toEqual(slow);
    });
  }

  it('keeps every finding’s exact line and column: positions come from the syntax tree', () => {
    const [deployment] = parseManifestFile('d.yaml', corpus[0]!).documents;
    expect(deployment!.locate(['spec', 'template', 'spec', 'containers', 0, 'image'])).toEqual({
      line: 12,
      column: 18,
    });
    expect(deployment!.locate(['metadata', 'labels', 'app.kubernetes.io/version'], 'key')).toEqual({
      line: 5,
      column: 23,
    });
    const [, namespace] = parseManifestFile('c.yaml', corpus[1]!).documents;
    expect(namespace!.locate(['metadata', 'name'])).toEqual({ line: 25, column: 9 });
  });
});

describe('YAML the way Kubernetes reads it', () => {
  it('reads YAML 1.1 booleans as booleans, as sigs.k8s.io/yaml does, and honours merge keys', () => {
    const [value] = readValues(
      'a: yes\nb: off\nc: "yes"\nbase: &b {x: 1}\nd:\n  <<: *b\n  z: 2\n',
    ).values;
    expect(value).toEqual({ a: true, b: false, c: 'yes', base: { x: 1 }, d: { x: 1, z: 2 } });
  });

  it('flags aliases so their expansion is bounded, and reads plain files without that cost', () => {
    expect(readValues('a: &x 1\nb: *x\n').usesAliases).toBe(true);
    expect(readValues('a: "*x"\nb: &-not-an-anchor\n').usesAliases).toBeUndefined();
  });

  it('does not flag what only looks like an alias when no node defines an anchor', () => {
    // A shell script in a ConfigMap: `*) exit 1 ;;` and `[ -n "$x" ] && *` are not aliases.
    const script = 'data:\n  check.sh: |\n    case "$1" in\n      *) exit 1 ;;\n    esac\n';
    expect(readValues(script).usesAliases).toBeUndefined();
    expect(readValues('a: 1 && 2\nb: x *y\n').usesAliases).toBeUndefined();
    // An anchor and an alias token, even unused, still flag it: the check only costs time.
    expect(readValues(`a: &x 1\n${script}`).usesAliases).toBe(true);
  });

  it('flags an alias wherever a node can start: block, flow, sequence, key, after a tab', () => {
    for (const text of [
      'a: &x 1\nb: [*x, 2]\n',
      'a: &x 1\nb: {c: *x}\n',
      'a: &x 1\nb:\n  - *x\n',
      'a: &x 1\n? *x\n: 2\n',
      'a: &x 1\nb: [1,*x]\n',
      'a: &x 1\nb:\t*x\n',
    ])
      expect(readValues(text).usesAliases, text).toBe(true);
  });

  it('flags numbers JSON cannot carry (NaN, infinities, -0, in any spelling), and only those', () => {
    for (const text of ['a: .nan\n', 'a: [1, -.inf]\n', 'a: -0.0\n', 'a: -0x0\n', 'a: .Inf'])
      expect(readValues(text).numbersBeyondJson, text).toBe(true);
    for (const text of [
      'a: 0\n',
      'a: 1.5e3\n',
      'a: "-0"\n',
      // js-yaml reads the integer -0 as 0.
      'a: -0\n',
      'a: -1\n',
      'a: node-0\n',
      'a: .nan-ish\n',
    ])
      expect(readValues(text).numbersBeyondJson, text).toBeUndefined();
    // The flag belongs to the text read, not to an earlier one.
    readValues('a: .nan\n');
    expect(readValues('a: 1\n').numbersBeyondJson).toBeUndefined();
    expect(readValues('a: .nan\nb: [').numbersBeyondJson).toBeUndefined();
  });
});
