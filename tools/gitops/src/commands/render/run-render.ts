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
  const { render, warnings, documents, finished } = await renderToDisk({
    root,
    scope,
    checks: renderChecks(root, scope),
    onWait: (owner, lockFile) =>
      process.stderr.write(
        `gitops render: waiting for the render of process ${owner.pid} (since ${owner.since}) to finish writing rendered/ (${lockFile})\n`,
      ),
  });
  const files = render.files.map((f) => f.path);
  return {
    exitCode: 0,
    json: { targets: render.targets, files, documents, finished, warnings },
    notes: [
      ...finished.map(
        (f) =>
          `gitops render: finished the write of a render that was stopped (${f.scratch}): ${counted(f.written, 'file')} written, ${f.deleted} deleted`,
      ),
      ...warnings.map((warning) => `warning: ${formatCheckFinding(warning)}`),
    ],
    text: () =>
      [
        `rendered ${counted(files.length, 'file')} into ${render.targets.map(targetDirectory).join(', ')}`,
        ...documents.map((path) => `regenerated ${path}`),
      ].join('\n'),
  };
}
