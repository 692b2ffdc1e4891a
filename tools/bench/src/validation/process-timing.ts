// Whole processes, timed as GNU time sees them, and the parse-only floor they are compared with.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { repositoryRoot } from '@platform/gitops';

export interface Sample {
  /** Wall time. */
  seconds: number;
  /** User + system time of every thread. */
  cpuSeconds: number;
  maxRssMb: number;
}

/** One process, with its wall and CPU time and peak memory (GNU time's %e, %U + %S, %M). */
export async function measure(
  command: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<Sample> {
  const result = await execa('/usr/bin/time', ['-f', '%e %U %S %M', ...command], {
    cwd: options.cwd ?? repositoryRoot,
    env: options.env,
    reject: false,
  });
  if (result.exitCode !== 0) throw new Error(`${command.join(' ')} failed:\n${result.stderr}`);
  const [seconds, user, system, kb] = result.stderr
    .trim()
    .split('\n')
    .at(-1)!
    .split(' ')
    .map(Number);
  return { seconds: seconds!, cpuSeconds: user! + system!, maxRssMb: Math.round(kb! / 1024) };
}

export const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** `load average 2.10 / 1.95` (1 and 5 minutes): what else the 2 cores were doing. */
export const loadAverage = () =>
  `load average ${loadavg()
    .slice(0, 2)
    .map((load) => load.toFixed(2))
    .join(' / ')}`;

/**
 * The floor any YAML tool pays: a new Node process that reads every file under a directory and
 * parses it with js-yaml (the repository's, 4.3.2), nothing else. Written inside node_modules so
 * it resolves that js-yaml.
 */
export function parseOnlyScript(): string {
  const script = join(repositoryRoot, 'node_modules/.cache/gitops-bench/parse-only.mjs');
  mkdirSync(dirname(script), { recursive: true });
  writeFileSync(
    script,
    `import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
let documents = 0;
const walk = (directory) => {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) walk(path);
    else documents += loadAll(readFileSync(path, 'utf8')).length;
  }
};
walk(process.argv[2]);
if (documents === 0) process.exit(1);
`,
  );
  return script;
}

/** `gitops validate` of a directory as Nx starts the CLI: `node tools/gitops/bin/gitops.mjs`. */
export const validateCommand = (directory: string, checkout = repositoryRoot) => [
  'node',
  join(checkout, 'tools/gitops/bin/gitops.mjs'),
  'validate',
  '--engine',
  'embedded',
  directory,
];
