import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installOnDemand } from './install-on-demand';
import { cleanEnvironment, scratchClone } from './scratch-clone';

/** One `// renovate:` pin as the convention defines it, read independently of Renovate. */
interface ExpectedPin {
  file: string;
  line: number;
  datasource: string;
  depName: string;
  registryUrl?: string;
  version: string;
}

const COMMENT = /^\s*\/\/\s*renovate:\s*datasource=(\S+)\s+depName=(\S+)(?:\s+registryUrl=(\S+))?/;

/** The clone Renovate reads: expectations come from the same committed tree. */
let repositoryRoot = '';

function expectedPins(): ExpectedPin[] {
  const pins: ExpectedPin[] = [];
  for (const file of typeScriptFiles(['apps', 'libs'])) {
    const lines = readFileSync(join(repositoryRoot, file), 'utf8').split('\n');
    lines.forEach((text, index) => {
      const comment = COMMENT.exec(text);
      if (!comment) return;
      const literals = [...(lines[index + 1] ?? '').matchAll(/['"`]([^'"`]+)['"`]/g)];
      const version = literals[literals.length - 1]?.[1] ?? '(no string literal on the next line)';
      pins.push({
        file,
        line: index + 1,
        datasource: comment[1]!,
        depName: comment[2]!,
        version,
        ...(comment[3] && { registryUrl: comment[3] }),
      });
    });
  }
  return pins;
}

function typeScriptFiles(directories: string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (entry === 'node_modules') continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts') && !path.endsWith('.test.ts'))
        files.push(relative(repositoryRoot, path));
    }
  };
  for (const directory of directories) walk(join(repositoryRoot, directory));
  return files.sort();
}

/** Every `chartPin(...)` call, by file: each must carry a renovate comment. */
function chartPinFiles(): string[] {
  return typeScriptFiles(['libs/charts/src', 'apps']).filter((file) =>
    /chartPin(<[^>]*>)?\(\{/.test(readFileSync(join(repositoryRoot, file), 'utf8')),
  );
}

interface ExtractedDep {
  depName: string;
  datasource: string;
  currentValue: string;
  registryUrls?: string[];
}

describe('renovate.json5', () => {
  let extracted: Map<string, ExtractedDep[]>;
  let clone: Awaited<ReturnType<typeof scratchClone>>;
  afterAll(() => clone?.dispose());
  beforeAll(async () => {
    const renovate = await installOnDemand(join(__dirname, '..', 'renovate'), 'renovate');
    // Renovate's local platform reads the committed tree: run it on a clone of HEAD.
    clone = await scratchClone('renovate-extract-');
    repositoryRoot = clone.root;
    const reportDir = mkdtempSync(join(tmpdir(), 'renovate-report-'));
    try {
      await execa(
        renovate,
        [
          '--platform=local',
          '--dry-run=extract',
          '--onboarding=false',
          '--require-config=optional',
          '--report-type=file',
          `--report-path=${join(reportDir, 'report.json')}`,
        ],
        {
          cwd: clone.root,
          env: { ...cleanEnvironment(), LOG_LEVEL: 'warn', RENOVATE_X_IGNORE_RE2: '1' },
          extendEnv: false,
        },
      );
      const report = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8'));
      const regexFiles = (report.repositories.local.packageFiles.regex ?? []) as {
        packageFile: string;
        deps: ExtractedDep[];
      }[];
      extracted = new Map(regexFiles.map((file) => [file.packageFile, file.deps]));
    } finally {
      rmSync(reportDir, { recursive: true, force: true });
    }
  });

  it('finds every // renovate: pin in the TypeScript sources with its datasource, package and version', () => {
    const pins = expectedPins();
    expect(pins.length).toBeGreaterThan(0);
    for (const pin of pins) {
      const found = (extracted.get(pin.file) ?? []).find((dep) => dep.depName === pin.depName);
      expect(found, `${pin.file}:${pin.line}: Renovate did not find ${pin.depName}`).toBeDefined();
      expect({
        file: pin.file,
        datasource: found!.datasource,
        version: found!.currentValue,
      }).toEqual({
        file: pin.file,
        datasource: pin.datasource,
        version: pin.version,
      });
      if (pin.registryUrl)
        expect(found!.registryUrls?.map((url) => url.replace(/\/$/, ''))).toEqual([
          pin.registryUrl.replace(/\/$/, ''),
        ]);
    }
    const total = [...extracted.values()].reduce((sum, deps) => sum + deps.length, 0);
    expect(total, 'Renovate found a pin the convention does not describe').toBe(pins.length);
  });

  it('has a pin for every chartPin(...) in the sources', () => {
    for (const file of chartPinFiles()) {
      expect(
        extracted.get(file)?.length ?? 0,
        `${file} declares a chart pin without a // renovate: comment`,
      ).toBeGreaterThan(0);
    }
    expect(extracted.get('libs/charts/src/karpenter/karpenter-chart.ts')).toEqual([
      expect.objectContaining({
        depName: 'public.ecr.aws/karpenter/karpenter',
        datasource: 'docker',
        currentValue: expect.stringMatching(/^\d+\.\d+\.\d+$/),
      }),
    ]);
  });
});
