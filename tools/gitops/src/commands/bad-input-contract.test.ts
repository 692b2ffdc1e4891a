import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkSections } from '../check/check-sections';
import type { Command } from '../cli/command';
import { usageLine } from '../cli/help-text';
import { main } from '../main';
import { fixtureWorkspace } from '../testing/fixture-workspace';
import { treeFingerprint } from '../testing/tree-fingerprint';
import { repositoryRoot } from '../workspace/repository-root';
import { commands } from '.';

/**
 * Every bad input the checks know, through the CLI as a user meets it: for validate, policy and
 * render, in text and under --json, the exit code, the message and where it points (file, line);
 * and every bad command line, for every command.
 */
let dispose = () => {};
afterEach(() => {
  dispose();
  vi.restoreAllMocks();
});

async function run(args: string[], root: string) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((stdout += String(c)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((stderr += String(c)), true));
  const code = await main(args, root);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

function write(root: string, path: string, content: string | Buffer): string {
  const absolute = join(root, path);
  mkdirSync(dirname(absolute), { recursive: true });
  writeFileSync(absolute, content);
  return absolute;
}

/** What one command must say about one input: nothing (exit 0), or a finding at a line. */
type Verdict = 'clean' | { message: RegExp; line: number };

interface BadInput {
  name: string;
  content: string | Buffer;
  validate: Verdict;
  policy: Verdict;
}

const aliasBomb = ['a: &a [x, x, x, x, x, x, x, x, x]']
  .concat(
    ['b', 'c', 'd', 'e', 'f', 'g'].map((key, i) => {
      const previous = 'abcdef'[i];
      return `${key}: &${key} [${Array(9).fill(`*${previous}`).join(', ')}]`;
    }),
  )
  .join('\n');

const configMap = (body: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: shop\n${body}`;

const badInputs: BadInput[] = [
  {
    name: 'a scalar document',
    content: 'just text\n',
    validate: { message: /must be a mapping/, line: 1 },
    policy: { message: /must be a mapping|not a Kubernetes resource/, line: 1 },
  },
  {
    name: 'a binary file',
    content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
    validate: { message: /binary/, line: 1 },
    policy: { message: /binary/, line: 1 },
  },
  {
    name: 'a file that is not YAML',
    content: 'a: [1, 2\nb: {\n',
    validate: { message: /YAML/, line: 2 },
    policy: { message: /YAML/, line: 2 },
  },
  {
    name: 'an alias bomb',
    content: aliasBomb,
    validate: { message: /resource exhaustion/, line: 1 },
    policy: { message: /resource exhaustion/, line: 1 },
  },
  {
    name: 'a duplicate key',
    content: configMap('data:\n  a: "1"\n  a: "2"\n'),
    validate: { message: /duplicate key "a"/, line: 8 },
    policy: { message: /duplicate key "a"/, line: 8 },
  },
  {
    name: 'a kind: List holding a privileged hostNetwork Pod',
    content:
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata:\n      name: root\n      namespace: shop\n    spec:\n      hostNetwork: true\n      containers:\n        - name: app\n          image: nginx:1.27\n',
    validate: 'clean',
    policy: { message: /hostNetwork: true shares the node's network namespace/, line: 10 },
  },
  {
    name: 'an object over the 1 MiB the API server accepts',
    content: configMap(`data:\n  big: ${'x'.repeat(1024 * 1024)}\n`),
    validate: { message: /1 MiB/, line: 1 },
    policy: 'clean',
  },
  {
    name: 'annotations over 256 KiB',
    content: configMap(`  annotations:\n    big: ${'z'.repeat(260 * 1024)}\n`).replace(
      'namespace: shop\n',
      'namespace: shop\n',
    ),
    validate: { message: /annotations total \d+ bytes; Kubernetes allows at most 262144/, line: 6 },
    policy: 'clean',
  },
  {
    name: 'a label value over 63 characters',
    content: configMap(`  labels:\n    team: ${'y'.repeat(64)}\n`),
    validate: { message: /no more than 63 characters/, line: 7 },
    policy: 'clean',
  },
  {
    name: 'a YAML 1.1 boolean where a string belongs',
    content: configMap('data:\n  feature: on\n'),
    validate: { message: /booleans to Kubernetes’ YAML reader \(YAML 1\.1\): quote it/, line: 7 },
    policy: 'clean',
  },
  {
    name: 'an apiVersion Kubernetes removed',
    content:
      'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: a\n  namespace: shop\nspec: {}\n',
    validate: { message: /Kubernetes 1\.22 removed it; use networking\.k8s\.io\/v1/, line: 2 },
    policy: 'clean',
  },
];

describe('validate and policy: every bad input, text and --json', () => {
  for (const input of badInputs) {
    for (const command of ['validate', 'policy'] as const) {
      const verdict = input[command];
      it(`${command}: ${input.name} ${verdict === 'clean' ? 'passes' : `fails at line ${verdict.line}`}`, async () => {
        const workspace = fixtureWorkspace();
        dispose = workspace.dispose;
        const file = write(workspace.root, 'in/input.yaml', input.content);
        const text = await run([command, file], workspace.root);
        const json = await run([command, file, '--json'], workspace.root);
        const report = JSON.parse(json.stdout) as {
          findings: { file: string; line: number; message: string; severity: string }[];
        };
        const errors = report.findings.filter((f) => f.severity === 'error');
        if (verdict === 'clean') {
          expect([text.code, json.code], text.stdout + text.stderr).toEqual([0, 0]);
          expect(errors).toEqual([]);
          return;
        }
        expect([text.code, json.code], text.stdout + text.stderr).toEqual([1, 1]);
        // Paths are reported relative to the workspace, as a user reads them.
        expect(text.stdout).toMatch(new RegExp(`^in/input\\.yaml:${verdict.line}:\\d+ `, 'm'));
        expect(text.stdout).toMatch(verdict.message);
        expect(errors).toContainEqual(
          expect.objectContaining({
            file: 'in/input.yaml',
            line: verdict.line,
            message: expect.stringMatching(verdict.message),
          }),
        );
      });
    }
  }

  it('a file that fails to parse is one finding, and the other files are still checked', async () => {
    const workspace = fixtureWorkspace();
    dispose = workspace.dispose;
    write(workspace.root, 'in/broken.yaml', 'a: [1, 2\n');
    write(workspace.root, 'in/misspelt.yaml', configMap('dataa:\n  a: "1"\n'));
    const { code, stdout } = await run(
      ['validate', join(workspace.root, 'in'), '--json'],
      workspace.root,
    );
    expect(code).toBe(1);
    const files = (JSON.parse(stdout) as { findings: { file: string }[] }).findings.map(
      (f) => f.file,
    );
    expect(files).toEqual(['in/broken.yaml', 'in/misspelt.yaml']);
  });
});

/** A component whose resources are the given objects, in the fixture workspace's `platform` app. */
function componentFile(body: string): string {
  return `import { defineComponent } from '@platform/core';
export default defineComponent({
  description: 'a component under test',
  clusters: 'workload',
  namespace: 'platform',
  syncWave: 1,
  resources: (chart) => { ${body} },
});
`;
}

describe('render: every bad input, text and --json, rendered/ left as it was', () => {
  const cases = [
    {
      name: 'a component field of the wrong type',
      component: componentFile('').replace('syncWave: 1,', 'syncWave: 1.5,'),
      text: /apps\/platform\/src\/bad\/component\.ts: syncWave: 1\.5 is not an integer/,
      json: {
        issues: [
          expect.objectContaining({
            file: 'apps/platform/src/bad/component.ts',
            field: 'syncWave',
          }),
        ],
      },
    },
    {
      name: 'an object a policy forbids',
      component: componentFile(
        `chart.add({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'root', namespace: 'platform' }, spec: { hostNetwork: true, containers: [{ name: 'app', image: 'nginx:1.27' }] } });`,
      ),
      text: /rendered\/ci\/platform\/bad\/pod-platform-root\.yaml:\d+:\d+ .*spec\.hostNetwork/,
      json: {
        findings: expect.arrayContaining([
          expect.objectContaining({
            file: 'rendered/ci/platform/bad/pod-platform-root.yaml',
            field: 'spec.hostNetwork',
          }),
        ]),
      },
    },
    {
      name: 'an object with a misspelt field',
      component: componentFile(
        `chart.add({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'platform' }, dataa: { a: '1' } });`,
      ),
      text: /rendered\/ci\/platform\/bad\/configmap-platform-settings\.yaml:\d+:\d+ .*unknown field "dataa"/,
      json: {
        // Also the delivery check's: the fixture's AppProject lists no namespaced kind.
        findings: expect.arrayContaining([
          expect.objectContaining({
            file: 'rendered/ci/platform/bad/configmap-platform-settings.yaml',
            line: expect.any(Number),
            rule: 'schema',
          }),
        ]),
      },
    },
  ];

  for (const bad of cases) {
    it(`${bad.name}: exit 1, located, nothing written`, async () => {
      const workspace = fixtureWorkspace();
      dispose = workspace.dispose;
      expect((await run(['render'], workspace.root)).code).toBe(0);
      const before = treeFingerprint(join(workspace.root, 'rendered'));
      write(workspace.root, 'apps/platform/src/bad/component.ts', bad.component);
      const text = await run(['render'], workspace.root);
      expect(text.code).toBe(1);
      expect(text.stderr).toMatch(bad.text);
      const json = await run(['render', '--json'], workspace.root);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({
        command: 'render',
        exitCode: 1,
        ...bad.json,
      });
      expect(treeFingerprint(join(workspace.root, 'rendered'))).toEqual(before);
    });
  }
});

describe('render refuses what check would refuse, where the mistake is made', () => {
  it('a component in a namespace no component creates: exit 1 for a whole render and for its app alone, nothing written', async () => {
    const workspace = fixtureWorkspace();
    dispose = workspace.dispose;
    expect((await run(['render'], workspace.root)).code).toBe(0);
    const before = treeFingerprint(workspace.root);
    write(
      workspace.root,
      'apps/platform/src/ghost/component.ts',
      componentFile(
        `chart.add({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'ghost' }, data: { a: '1' } });`,
      ).replace("namespace: 'platform'", "namespace: 'ghost'"),
    );
    const expected =
      /rendered\/ci\/platform\/ghost\/configmap-ghost-settings\.yaml:\d+:\d+ .*metadata\.namespace {2}namespace "ghost" is created by no component on cluster ci {2}\[delivery-namespace-missing\]/;
    for (const args of [['render'], ['render', '--app', 'platform']]) {
      const text = await run(args, workspace.root);
      expect(text.code, text.stderr).toBe(1);
      expect(text.stderr).toMatch(expected);
    }
    rmSync(join(workspace.root, 'apps/platform/src/ghost'), { recursive: true });
    expect(treeFingerprint(workspace.root)).toEqual(before);
  });

  it('a component folder name longer than a label value: refused at the folder, before rendering', async () => {
    const workspace = fixtureWorkspace();
    dispose = workspace.dispose;
    const name = `settings-${'x'.repeat(60)}`;
    write(
      workspace.root,
      `apps/platform/src/${name}/component.ts`,
      componentFile(
        `chart.add({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'long', namespace: 'platform' }, data: { a: '1' } });`,
      ),
    );
    const json = await run(['render', '--json'], workspace.root);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      issues: [
        {
          file: `apps/platform/src/${name}/component.ts`,
          field: '(folder name)',
          message: expect.stringMatching(
            /^".*" is 69 characters; it becomes a label value, which Kubernetes limits to 63/,
          ),
        },
      ],
    });
    expect(existsSync(join(workspace.root, 'rendered'))).toBe(false);
  });

  it('a misspelt chart value: the finding in values.yaml also names the component file and line that set it', async () => {
    const workspace = fixtureWorkspace();
    dispose = workspace.dispose;
    const pin = 'vendor/charts/fluent-bit-0.58.1.tgz';
    for (const file of ['vendor/vendor.lock.json', pin])
      write(workspace.root, file, readFileSync(join(repositoryRoot, file)));
    const component = [
      "import { fluentBitChart } from '@platform/charts';",
      "import { defineComponent, fromChart } from '@platform/core';",
      'export default defineComponent({',
      "  description: 'a chart with a misspelt value',",
      "  clusters: 'workload',",
      "  namespace: 'platform',",
      '  syncWave: 1,',
      '  chart: fromChart(fluentBitChart)({',
      '    values: () => ({',
      '      testFramework: { enabled: false },',
      '      replicaz: 2,',
      '    }),',
      '  }),',
      '});',
      '',
    ].join('\n');
    write(workspace.root, 'apps/platform/src/agent/component.ts', component);
    const line = component.split('\n').findIndex((l) => l.includes('replicaz')) + 1;
    const json = await run(['render', '--json'], workspace.root);
    expect(json.code).toBe(1);
    const { findings } = JSON.parse(json.stdout) as {
      findings: { file: string; message: string }[];
    };
    expect(findings).toContainEqual(
      expect.objectContaining({
        file: 'rendered/ci/platform/agent/values.yaml',
        message: `unknown field "replicaz" (the values of apps/platform/src/agent/component.ts:${line})`,
      }),
    );
  });
});

describe('the command line: each command owns its options and its help', () => {
  /** Arguments that satisfy a command's required arguments and options, for parsing tests. */
  const minimal = (command: Command): string[] => [
    ...command.name.split(' '),
    ...Array.from({ length: command.arguments?.min ?? 0 }, (_, i) => `argument-${i}`),
    ...Object.entries(command.options)
      .filter(([, option]) => option.required)
      .flatMap(([name]) => [`--${name}`, 'x']),
  ];

  for (const command of commands) {
    it(`${command.name} --help prints its own usage and every option it takes`, async () => {
      const { code, stdout } = await run([...command.name.split(' '), '--help'], repositoryRoot);
      expect(code).toBe(0);
      expect(stdout.split('\n')[0]).toBe(`Usage: gitops ${usageLine(command)}`);
      for (const name of Object.keys(command.options))
        expect(stdout).toMatch(new RegExp(`^  --${name}\\b`, 'm'));
      expect(stdout).toMatch(/^ {2}--json\b/m);
      expect(stdout).not.toContain('Commands:');
    });

    it(`${command.name}: an option it does not take is exit 2, naming the option`, async () => {
      const text = await run([...minimal(command), '--bogus'], repositoryRoot);
      expect(text.code).toBe(2);
      expect(text.stderr).toContain(`gitops ${command.name}: unknown option '--bogus'\n`);
      const json = await run([...minimal(command), '--bogus', '--json'], repositoryRoot);
      expect(json.code).toBe(2);
      expect(JSON.parse(json.stdout)).toMatchObject({
        command: command.name,
        error: "unknown option '--bogus'",
        exitCode: 2,
      });
    });
  }

  it('refuses options that belong to other commands (check --app, capacity --app)', async () => {
    for (const args of [
      ['check', '--app', 'karpenter'],
      ['capacity', '--app', 'karpenter'],
    ]) {
      const { code, stderr } = await run(args, repositoryRoot);
      expect(code).toBe(2);
      expect(stderr).toContain(`gitops ${args[0]}: unknown option '--app'`);
    }
  });

  it('no command at all prints the list of commands and exits 2; an unknown command names it', async () => {
    const none = await run([], repositoryRoot);
    expect(none.code).toBe(2);
    expect(none.stdout).toMatch(/^Commands:$/m);
    const json = await run(['--json'], repositoryRoot);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ command: 'gitops' });
    const unknown = await run(['deploy'], repositoryRoot);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("gitops: unknown command 'deploy'");
  });

  it("an unknown option before any command reads gitops: unknown option '--bogus'", async () => {
    const { code, stderr } = await run(['--bogus'], repositoryRoot);
    expect(code).toBe(2);
    expect(stderr).toBe("gitops: unknown option '--bogus'\n");
  });

  it('an option without its value, and a required option left out, are exit 2 naming it', async () => {
    const missingValue = await run(['render', '--app'], repositoryRoot);
    expect(missingValue.code).toBe(2);
    expect(missingValue.stderr).toContain("gitops render: option '--app' needs a value");
    const noBase = await run(['diff'], repositoryRoot);
    expect(noBase.code).toBe(2);
    expect(noBase.stderr).toContain('gitops diff: --base REV is required');
  });

  it('an empty selection (an app that has no component for the cluster) is exit 2 with the reason', async () => {
    const workspace = fixtureWorkspace();
    dispose = workspace.dispose;
    const before = treeFingerprint(workspace.root);
    const text = await run(['render', '--cluster', 'mgmt', '--app', 'platform'], workspace.root);
    expect(text.code).toBe(2);
    expect(text.stderr).toBe(
      'gitops render: nothing to render: app platform has no component for cluster mgmt (it renders for ci)\n',
    );
    expect(text.stdout).toBe('');
    expect(treeFingerprint(workspace.root)).toEqual(before);
  });

  it('diff --base with something that is not a revision is exit 2', async () => {
    const { code, stderr } = await run(['diff', '--base', 'not-a-rev'], repositoryRoot);
    expect(code).toBe(2);
    expect(stderr).toContain('base revision "not-a-rev" is not a commit in this clone');
  });

  it("the help's check line names every section check runs, in order", async () => {
    const { stdout } = await run(['--help'], repositoryRoot);
    const checkRow = stdout.slice(stdout.indexOf('\n  check '), stdout.indexOf('\n  validate '));
    const named = checkSections.map((section) => checkRow.indexOf(` ${section.name}`));
    expect(named.every((position) => position > 0)).toBe(true);
    expect(named).toEqual([...named].sort((a, b) => a - b));
  });

  it("the README's command table lists each command's usage exactly as its help does, and nothing else", () => {
    const readme = readFileSync(join(repositoryRoot, 'README.md'), 'utf8');
    const table = readme.slice(
      readme.indexOf('\n| command '),
      readme.indexOf('\n\n', readme.indexOf('\n| command ')),
    );
    const documented = [...table.matchAll(/^\| `gitops ([^`]+)`/gm)].map((m) =>
      m[1]!.replaceAll('\\|', '|'),
    );
    expect(documented).toEqual(commands.map(usageLine));
    expect(readme).toContain('Every command also accepts `--json` and `-h`/`--help`');
  });
});
