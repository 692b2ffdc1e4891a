#!/usr/bin/env node
// @ts-check
// Starts the CLI from a bundle of its TypeScript sources (bin/cli-bundle.mjs: built by esbuild on
// the first run after a change, then reused), so a start does not compile ~260 files through tsx.
// Without esbuild, with GITOPS_FROM_SOURCE=1, or if the bundle cannot be built, it runs the
// sources directly through tsx, as before: the behaviour is the same, only slower to start.
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// V8's inlining budget for a short-lived process on few cores. TurboFan's optimizing jobs share the
// cores with the threads that do the work, and the biggest jobs were functions with all they call
// inlined into them (1.4 s of jobs in a 10,000-file `gitops validate`, several repeated when a new
// kind's objects deoptimized the code). A cumulative budget of 100 bytecode bytes instead of 920
// keeps the jobs small; small helpers are still inlined (figures in tools/bench/README.md). Set
// before anything is optimized; worker threads share V8's flags. A value given to node wins.
if (!process.execArgv.some((flag) => flag.startsWith('--max-inlined-bytecode-size-cumulative')))
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=100');

const root = fileURLToPath(new URL('../../../', import.meta.url));

// NO_COLOR is the person's standing choice; FORCE_COLOR is usually set by a tool in between (Nx
// sets it for every task). With both, Node prints a warning on the first colour check (execa's
// colour library makes one on import): honour NO_COLOR and say nothing. Our output has no colour.
if (process.env.NO_COLOR && process.env.FORCE_COLOR !== undefined) delete process.env.FORCE_COLOR;

/** @returns {Promise<(argv: string[]) => Promise<number>>} */
async function loadMain() {
  if (!process.env.GITOPS_FROM_SOURCE) {
    try {
      const { cliBundle } = await import('./cli-bundle.mjs');
      const bundle = await cliBundle(root);
      // Stack traces then name the TypeScript sources. Only when asked: reading the maps of every
      // module loaded costs 10 ms (component bundles turn them on for themselves).
      if (process.env.GITOPS_DEBUG) process.setSourceMapsEnabled(true);
      const { runBundledCli } = await import(bundle.entry);
      return (argv) => runBundledCli(argv, bundle.libraries);
    } catch (error) {
      if (process.env.GITOPS_DEBUG) {
        process.stderr.write(
          `gitops: running from source (${/** @type {Error} */ (error).message})\n`,
        );
      }
    }
  }
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: fileURLToPath(new URL('../../../tsconfig.json', import.meta.url)) });
  // A variable, so the type checker does not try to resolve a `.ts` import from JavaScript.
  const sources = '../src/main.ts';
  const { main } = await import(sources);
  return (argv) => main(argv);
}

try {
  const main = await loadMain();
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // The inventory is validated when it is imported: report it without a stack trace.
  if (/** @type {Error} */ (error)?.name !== 'InventoryError') throw error;
  process.stderr.write(`gitops: ${/** @type {Error} */ (error).message}\n`);
  process.exitCode = 1;
}
