import type { ScopedRender } from '@platform/core';
import type { Invocation } from '../../cli/command';
import type { CommandReport } from '../../cli/command-report';
import type { CheckInput } from '../../check/check-section';
import { checkSections } from '../../check/check-sections';
import { renderInMemory } from '../../render/render-pipeline';
import { collectYamlFiles } from '../../workspace/collect-yaml-files';
import { renderedPaths } from '../../workspace/rendered-paths';
import type { checkOptions } from './check-command';

/**
 * Everything CI runs, offline: each section of check-sections.ts over the committed rendered/
 * (read and parsed once), the last of them comparing it with a fresh render.
 */
export async function runCheck({ root }: Invocation<typeof checkOptions>): Promise<CommandReport> {
  // Started first: while the sections check the committed files on this thread, the Helm
  // processes of a render that misses its caches run on the other core.
  const render: Promise<ScopedRender> = renderInMemory({ root }).then((result) => result.render);
  render.catch(() => {}); // Reported by the section that awaits it, not as an unhandled rejection.
  const input: CheckInput = {
    root,
    files: collectYamlFiles(root, renderedPaths(root)),
    freshRender: () => render,
  };
  const json: Record<string, unknown> = {};
  const lines: string[] = [];
  let failed = false;
  for (const entry of checkSections) {
    const outcome = await (await entry.load())(input);
    json[entry.name] = outcome.json;
    lines.push(...outcome.lines);
    failed ||= outcome.failed;
  }
  lines.push(failed ? 'check: FAILED' : 'check: passed');
  return {
    exitCode: failed ? 1 : 0,
    json: { ...json, passed: !failed },
    text: () => lines.join('\n'),
  };
}
