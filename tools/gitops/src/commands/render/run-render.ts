import { targetDirectory } from '@platform/core';
import { counted } from '@platform/manifests';
import type { Invocation } from '../../cli/command';
import type { CommandReport } from '../../cli/command-report';
import { renderChecks } from '../../render/render-checks';
import { formatCheckFinding, renderToDisk } from '../../render/render-pipeline';
import type { renderOptions } from './render-command';

export async function runRender({
  root,
  options,
}: Invocation<typeof renderOptions>): Promise<CommandReport> {
  const scope = { app: options.app, cluster: options.cluster };
  const { render, warnings, documents } = await renderToDisk({
    root,
    scope,
    checks: renderChecks(root, scope),
  });
  const files = render.files.map((f) => f.path);
  return {
    exitCode: 0,
    json: { targets: render.targets, files, documents, warnings },
    notes: warnings.map((warning) => `warning: ${formatCheckFinding(warning)}`),
    text: () =>
      [
        `rendered ${counted(files.length, 'file')} into ${render.targets.map(targetDirectory).join(', ')}`,
        ...documents.map((path) => `regenerated ${path}`),
      ].join('\n'),
  };
}
