import { targetDirectory } from '@platform/core';
import type { CommandOptions } from '../main';
import { formatCheckFinding, renderToDisk } from '../render/render-pipeline';
import { renderChecks } from './render-checks';
import { counted } from '@platform/manifests';

export async function renderCommand(options: CommandOptions): Promise<number> {
  const { render, warnings } = await renderToDisk({
    root: options.root,
    scope: { app: options.app, cluster: options.cluster },
    checks: renderChecks(options.root),
  });
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ targets: render.targets, files: render.files.map((f) => f.path), warnings }, null, 2)}\n`,
    );
  } else {
    for (const warning of warnings)
      process.stderr.write(`warning: ${formatCheckFinding(warning)}\n`);
    const dirs = render.targets.map(targetDirectory).join(', ');
    process.stdout.write(`rendered ${counted(render.files.length, 'file')} into ${dirs}\n`);
  }
  return 0;
}
