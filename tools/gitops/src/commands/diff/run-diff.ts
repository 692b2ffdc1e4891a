import { renderedRoot } from '@platform/config';
import {
  diffRenderedFiles,
  formatJson,
  formatMarkdown,
  formatTerminal,
  RenderedInputError,
  type RenderedFile,
} from '@platform/rendered-diff';
import type { Invocation } from '../../cli/command';
import { CommandFailure, type CommandReport } from '../../cli/command-report';
import { readTree } from '../../render/rendered-tree';
import { BaseRevisionError, readBaseAgainstWorkingTree } from './diff-base-revision';
import type { diffOptions } from './diff-command';

/** Reviewers read a note, not a novel; GitLab's own note limit is far larger. */
const DEFAULT_MAX_CHARS = 60_000;

/**
 * rendered/ at the base revision against the working tree, resource by resource. Exit 0 whatever
 * changed (the diff informs; check gates); 2 when the base is not a revision, 1 when a rendered
 * file cannot be read as resources.
 */
export async function runDiff({
  root,
  options,
}: Invocation<typeof diffOptions>): Promise<CommandReport> {
  const baseRevision = options.base!;
  const maxChars = options.maxChars === undefined ? DEFAULT_MAX_CHARS : Number(options.maxChars);
  if (!Number.isInteger(maxChars) || maxChars < 2_000)
    throw new CommandFailure(
      `--max-chars must be a whole number of at least 2000, got "${options.maxChars}"`,
      2,
    );
  const head: RenderedFile[] = [...readTree(root, renderedRoot)]
    .filter(([path]) => /\.ya?ml$/.test(path))
    .map(([path, content]) => ({ path, content }));
  let diff;
  try {
    const base = await readBaseAgainstWorkingTree(root, baseRevision, renderedRoot, head);
    const identicalPaths = new Set(base.identical.map((file) => file.path));
    diff = diffRenderedFiles(
      base.changed,
      head.filter((file) => !identicalPaths.has(file.path)),
      base.identical,
    );
  } catch (error) {
    if (error instanceof BaseRevisionError) throw new CommandFailure(error.message, 2);
    if (error instanceof RenderedInputError) throw new CommandFailure(error.message, 1);
    throw error;
  }
  const fullDiffLocation = options.fullDiffUrl
    ? `[the complete diff](${options.fullDiffUrl})`
    : `run \`npx gitops diff --base ${baseRevision}\``;
  return {
    exitCode: 0,
    json: JSON.parse(formatJson(diff)),
    text: ({ colour }) => formatTerminal(diff, { colour }),
    markdown: () => formatMarkdown(diff, { maxChars, fullDiffLocation }),
  };
}
