import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { SourceFile } from '../checks/source-file';
import type { JsonSchema, SchemaSet } from '../checks/schema-model/schema-set';
import type { SkippedKind } from '../config/skipped-kinds';
import { catalogWith } from '../evaluators/schema-catalog/schema-catalog';
import { validateFiles } from '../runner/validate-files';
import { describeWithUpstream, upstreamDirectory } from './upstream-reference';

/**
 * Runs the embedded engine (validateFiles, the product code path) over kubeconform v0.7.0's own
 * fixtures and expects the verdict its acceptance tests expect: valid (exit 0) or invalid (exit 1).
 * Kinds the embedded set lacks (ReplicationController, the sample CRDs) get their schemas from the
 * fixtures, exactly the files kubeconform itself would load.
 */
const kubeconformDirectory = join(upstreamDirectory, 'kubeconform-fixtures');

interface VerdictCase {
  suite: string;
  name: string;
  kubeconform_args: string;
  expected_exit: number;
  expected_output_lines: string[];
}

interface CaseSetup {
  /** Extra schema sets standing in for kubeconform's schema locations. */
  schemas?: () => SchemaSet[];
  skippedKinds?: SkippedKind[];
  /** For an invalid case: the rule that must report it, so it fails for the reason kubeconform does. */
  failsWith?: string;
}

const readJson = (path: string) =>
  JSON.parse(readFileSync(join(kubeconformDirectory, 'fixtures', path), 'utf8')) as JsonSchema;

/** A fixture schema as ajv takes it: kubeconform's files declare `$schema: http://json-schema.org/schema#`, an alias ajv does not know. */
function fixtureSchema(path: string): JsonSchema {
  const schema = readJson(path);
  delete schema.$schema;
  return schema;
}

/**
 * `-schema-location default`: kubeconform downloads master-standalone/replicationcontroller-v1.json;
 * fixtures/cache holds that file, named by the sha256 of its URL.
 */
const defaultLocation = (): SchemaSet[] => [
  {
    id: 'kubeconform-default',
    resources: {
      'v1/ReplicationController': fixtureSchema(
        'cache/6dd0c06492c957fe2118a16dae1c5b9e76be072b527a9a45fd1044bd54237334',
      ),
    },
  },
];

/** The cached non-standalone schema and the _definitions.json its `$ref`s point to. */
const cachedWithReferences = (): SchemaSet[] => [
  {
    id: 'kubeconform-cache-refs',
    resources: {
      'v1/ReplicationController': fixtureSchema(
        'cache/603105c17f981119fec20ae25cfb97ff6dd99114a875ae841ef965d9345667e3',
      ),
    },
    referenced: [
      {
        ...fixtureSchema('cache/6dc6142c64b944d783a3e783526114da8e747a14a11d8b32dd1f12e2d89a8330'),
        $id: 'https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/master/_definitions.json',
      },
    ],
  },
];

const trainingJobRegistry = (): SchemaSet[] => [
  {
    id: 'kubeconform-registry',
    resources: {
      'sagemaker.aws.amazon.com/v1/TrainingJob': fixtureSchema(
        'registry/trainingjob-sagemaker-v1.json',
      ),
    },
  },
];

const grafanaSchema = (): SchemaSet[] => [
  {
    id: 'kubeconform-grafana',
    resources: {
      'grafana.integreatly.org/v1beta1/GrafanaAlertRuleGroup': fixtureSchema(
        'grafanaalertrulegroup_v1beta1.json',
      ),
    },
  },
];

/** Cases run, with the schema locations and skips that stand for their arguments. */
const includedCases: Record<string, CaseSetup> = {
  'Pass when parsing a valid Kubernetes config YAML file': { schemas: defaultLocation },
  'Pass when parsing a folder containing valid YAML files': { schemas: defaultLocation },
  'Pass when parsing a valid Kubernetes config file with int_to_string vars': {},
  'Pass when parsing a valid Kubernetes config JSON file': { schemas: defaultLocation },
  'Pass when parsing a valid Kubernetes config YAML file with generate name': {},
  'Pass when parsing a Kubernetes file with string and integer quantities': {},
  'Pass when parsing a valid Kubernetes config file with null arrays': {},
  'Pass when parsing a valid Kubernetes config file with null strings': {},
  'Pass when parsing a multi-document config file': { schemas: defaultLocation },
  'Fail when parsing a multi-document config file with one invalid resource': {
    schemas: defaultLocation,
    failsWith: 'schema',
  },
  'Fail when parsing an invalid Kubernetes config file': {
    schemas: defaultLocation,
    failsWith: 'schema',
  },
  'Pass when parsing a blank config file': {},
  'Pass when parsing a blank config file with a comment': {},
  'Fail when parsing a config that is missing a Kind': { failsWith: 'type-meta' },
  'Fail when parsing a config that is missing an apiVersion': {
    schemas: defaultLocation,
    failsWith: 'type-meta',
  },
  'Fail when parsing a config that is missing a Kind value': { failsWith: 'type-meta' },
  'Fail when parsing a config with CRD': { failsWith: 'schema-missing' },
  // -ignore-missing-schemas: the kind without a schema is skipped.
  'Pass when parsing a config with Custom Resource and ignoring missing schemas': {
    skippedKinds: [{ kind: 'TrainingJob', reason: 'kubeconform -ignore-missing-schemas' }],
  },
  'Fail when parsing a config with additional properties and strict set': { failsWith: 'schema' },
  'Fail when parsing a config with duplicate properties and strict set': {
    failsWith: 'duplicate-key',
  },
  'Pass when using a valid, preset -schema-location': { schemas: defaultLocation },
  'Skip when parsing a resource from a kind to skip': {
    skippedKinds: [{ kind: 'ReplicationController', reason: 'kubeconform -skip' }],
  },
  'Skip when parsing a resource with a GVK to skip': {
    skippedKinds: [
      { apiVersion: 'v1', kind: 'ReplicationController', reason: 'kubeconform -skip' },
    ],
  },
  'Do not skip when parsing a resource with a GVK to skip, where the Kind matches but not the version':
    {
      schemas: defaultLocation,
      skippedKinds: [
        { apiVersion: 'v2', kind: 'ReplicationController', reason: 'kubeconform -skip' },
      ],
    },
  'Pass when parsing a valid Kubernetes config YAML file and store cache': {
    schemas: defaultLocation,
  },
  'Produces correct TAP output': { schemas: defaultLocation },
  'Pass when parsing a file containing a List': { schemas: defaultLocation },
  'Fail when parsing a List that contains an invalid resource': {
    schemas: defaultLocation,
    failsWith: 'schema',
  },
  'Pass on valid, empty list': {},
  'Pass on multi-yaml containing one resource, one list': {},
  'passes when validating duration not in ISO8601': { schemas: grafanaSchema },
  'Pass when parsing a valid config YAML file without network access, with cache': {
    schemas: defaultLocation,
  },
  'Pass when parsing a Custom Resource and using a local schema registry with appropriate CRD': {
    schemas: trainingJobRegistry,
  },
  'Pass when parsing a Custom Resource and specifying several local registries, the last one having the appropriate CRD':
    {
      schemas: trainingJobRegistry,
    },
  'Pass when using a cached schema with external references': { schemas: cachedWithReferences },
};

/** Cases not run, and why. */
const excludedCases: Record<string, string> = {
  'Fail when parsing a valid Kubernetes config YAML file without network access':
    'kubeconform fails only because it cannot download the schema offline; every built-in kind is embedded here, so the valid file passes',
  'Pass when displaying help with -h': 'tests kubeconform flag parsing, not validation',
  'Fail and display help when using an incorrect flag':
    'tests kubeconform flag parsing, not validation',
  'Return relevant error for non-existent file':
    'a missing path is a usage error of the CLI (validate-command test), not a verdict on YAML',
  'Pass when parsing a config with additional properties':
    'runs without -strict; the embedded engine is always strict (its strict counterpart is included)',
  'Pass when parsing a config with duplicate properties and strict NOT set':
    'runs without -strict; duplicate keys are always an error here (its strict counterpart is included)',
  'Pass when using a valid HTTP -schema-location': 'needs network (schemas fetched over HTTP)',
  'Pass when using schemas with HTTP references': 'needs network (schemas fetched over HTTP)',
  'Fail when using an invalid HTTP -schema-location':
    'needs network; tests kubeconform schema-location handling',
  'Fail when using an invalid non-HTTP -schema-location':
    'tests kubeconform schema-location handling',
  'Fail early when passing a non valid -schema-location template':
    'tests kubeconform template parsing',
  'Fail early when passing a non valid -kubernetes-version': 'tests kubeconform flag parsing',
  'Pass with a valid input when validating against openshift manifests':
    'needs network (OpenShift schemas over HTTP)',
  'Fail with an invalid input when validating against openshift manifests':
    'needs network (OpenShift schemas over HTTP)',
  'Pass when parsing a valid Kubernetes config YAML file on stdin':
    'reads stdin; validate reads files',
  'Pass when parsing a valid Kubernetes config YAML file explicitly on stdin':
    'reads stdin; validate reads files',
  'Fail when parsing an invalid Kubernetes config file on stdin':
    'reads stdin; validate reads files',
  'Fail when not passing data to stdin, when implicitly configured to read from stdin':
    'reads stdin; validate reads files',
  'Fail when not passing data to stdin, when explicitly configured to read from stdin':
    'reads stdin; validate reads files',
  'Pass when parsing a List resource from stdin': 'reads stdin; validate reads files',
  'Fail when parsing a List that contains an invalid resource from stdin':
    'reads stdin; validate reads files',
  'Pass when parsing a very long stream from stdin': 'reads stdin; validate reads files',
  'Fail when parsing a resource from a kind to reject':
    'no -reject option: a kind without an embedded schema is already rejected',
  'Ignores file that match the --ignore-filename-pattern given':
    'tests kubeconform file selection, not validation',
  'Fail when no schema found, ensure 404 is not cached on disk':
    'needs network; tests kubeconform HTTP cache',
  'Fail when cache folder does not exist': 'tests kubeconform -cache flag handling',
  'HTTP references should be cached': 'needs network; tests kubeconform HTTP cache',
  'Fail when using HTTPS_PROXY with a failing proxy': 'needs network; tests proxy handling',
  'Pass when parsing a very large file':
    'fixtures/valid_large.yaml is not in the upstream snapshot (over 4 MiB)',
  'JUnit output can be validated against the Junit schema definition':
    'tests kubeconform output format; junit.xsd not in the snapshot',
  'passes when trying to use a CRD that does not have the JSONSchema set':
    'needs network (datreeio CRDs-catalog over HTTP)',
};

/** kubeconform flags that take a value (the value is not a file to validate). */
const flagsWithValue = new Set([
  '-schema-location',
  '-cache',
  '-skip',
  '-reject',
  '-kubernetes-version',
  '-output',
  '--ignore-filename-pattern',
  '-n',
]);

/** The fixture files a case's arguments name (folders expanded as kubeconform does). */
function caseFiles(args: string): SourceFile[] {
  const tokens = args.split(/\s+/);
  const paths = tokens.filter(
    (token, index) =>
      /^(\.\/)?fixtures\//.test(token) && !flagsWithValue.has(tokens[index - 1] ?? ''),
  );
  return paths
    .flatMap((path) => expand(join(kubeconformDirectory, path)))
    .map((absolute) => ({
      path: absolute.slice(kubeconformDirectory.length + 1),
      content: readFileSync(absolute, 'utf8'),
    }));
}

function expand(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((entry) => expand(join(path, entry)))
    .filter((file) => /\.(ya?ml|json)$/.test(file));
}

describeWithUpstream('kubeconform v0.7.0 acceptance verdicts, embedded engine', () => {
  const cases = (
    JSON.parse(readFileSync(join(kubeconformDirectory, 'expected-verdicts.json'), 'utf8')) as {
      cases: VerdictCase[];
    }
  ).cases;

  it('accounts for every acceptance case: run or excluded with a reason', () => {
    const invalidWithoutReason = cases.filter(
      (c) => c.name in includedCases && c.expected_exit !== 0 && !includedCases[c.name]!.failsWith,
    );
    expect(invalidWithoutReason.map((c) => c.name)).toEqual([]);
    const unaccounted = cases
      .map((c) => c.name)
      .filter((name) => !(name in includedCases) && !(name in excludedCases));
    expect(unaccounted).toEqual([]);
    expect(
      Object.keys(includedCases).filter((name) => !cases.some((c) => c.name === name)),
    ).toEqual([]);
  });

  for (const verdictCase of cases.filter((c) => c.name in includedCases)) {
    it(`${verdictCase.suite}: ${verdictCase.name}`, () => {
      const setup = includedCases[verdictCase.name]!;
      const files = caseFiles(verdictCase.kubeconform_args);
      expect(files.length).toBeGreaterThan(0);
      const report = validateFiles(files, {
        catalog: catalogWith(setup.schemas?.() ?? []),
        skippedKinds: setup.skippedKinds ?? [],
      });
      const errors = report.findings.filter((f) => f.severity === 'error');
      if (verdictCase.expected_exit === 0) expect(errors).toEqual([]);
      else expect(errors.map((f) => f.rule)).toContain(setup.failsWith);

      // Where kubeconform prints a summary, the resource and file counts must agree too.
      const summary = verdictCase.expected_output_lines
        .map((line) => /^Summary: (\d+) resources? found in (\d+) files?/.exec(line))
        .find((match) => match !== null);
      if (summary)
        expect([report.summary.resources, report.summary.files]).toEqual([
          Number(summary[1]),
          Number(summary[2]),
        ]);
    });
  }
});
