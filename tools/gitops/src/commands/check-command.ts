import { findDrift } from '../check/drift';
import type { CommandOptions } from '../main';
import { renderInMemory } from '../render/render-pipeline';
import { renderChecks } from './render-checks';

/** Everything CI runs: a fresh render (with its checks) compared with the committed rendered/. */
export async function checkCommand(options: CommandOptions): Promise<number> {
  const { render } = await renderInMemory({ root: options.root, checks: renderChecks() });
  const drift = findDrift(options.root, render);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ drift }, null, 2)}\n`);
  } else if (drift.length === 0) {
    process.stdout.write(
      `drift: rendered/ matches a fresh render (${render.files.length} files)\n`,
    );
  } else {
    process.stdout.write(
      `drift: ${drift.length} file(s) in rendered/ differ from a fresh render:\n`,
    );
    for (const entry of drift) process.stdout.write(`  ${entry.kind.padEnd(8)} ${entry.path}\n`);
    process.stdout.write('Run `npx gitops render` and commit rendered/.\n');
  }
  return drift.length === 0 ? 0 : 1;
}
