// Validation benchmark, in one process: parse-only vs full strict validation over copies of
// rendered/ (every kind, CRDs left out: validation/rendered-corpus.ts), plus a cold
// `gitops validate` of the real rendered/.
// Run: npx tsx tools/bench/src/validate-bench.ts   (BENCH_RESOURCES, BENCH_RUNS to change sizes)
import { join } from 'node:path';
import { execa } from 'execa';
import { parseManifestFile } from '@platform/manifests';
import { validate } from '@platform/validate';
import { renderedCorpus, renderedCrdSources } from './validation/rendered-corpus';
import { repositoryRoot } from '@platform/gitops';
import { formatTiming, medianTiming, type Timing } from './median-timing';

const resourceCount = Number(process.env.BENCH_RESOURCES ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 5);

const files = renderedCorpus(resourceCount);
const crdSources = renderedCrdSources();
// New file objects for every run: parses are kept per file object (validate and policy of one
// command share them), and a run that found the previous run's parses would not parse at all.
const freshFiles = () => files.map((file) => ({ ...file }));
const perSecond = (t: Timing) => Math.round(resourceCount / (t.medianMs / 1000));

const firstRun = await medianTiming(
  'full validation, first run (loads and compiles schemas)',
  1,
  async () => {
    const report = await validate(freshFiles(), { engine: 'embedded', crdSources });
    if (report.summary.errors > 0)
      throw new Error(
        `the corpus must be valid; first error: ${JSON.stringify(report.findings[0])}`,
      );
  },
);
const parseOnly = await medianTiming(
  `parse only (parseManifestFile), ${resourceCount} resources`,
  runs,
  () => {
    for (const file of files) parseManifestFile(file.path, file.content);
  },
);
const validation = await medianTiming(
  `full validation (validateFiles), ${resourceCount} resources`,
  runs,
  () => validate(freshFiles(), { engine: 'embedded', crdSources }),
);
const cli = await medianTiming(
  'cold `gitops validate --engine embedded` of rendered/ (new process)',
  runs,
  () =>
    execa(
      'node',
      [join(repositoryRoot, 'tools/gitops/bin/gitops.mjs'), 'validate', '--engine', 'embedded'],
      { cwd: repositoryRoot },
    ),
);

for (const timing of [firstRun, parseOnly, validation, cli]) console.log(formatTiming(timing));
console.log(`parse only:      ${perSecond(parseOnly).toLocaleString('en-US')} resources/s`);
console.log(`full validation: ${perSecond(validation).toLocaleString('en-US')} resources/s`);
console.log(
  `validate/parse:  ${(validation.medianMs / parseOnly.medianMs).toFixed(2)}x (target <= 2x)`,
);
