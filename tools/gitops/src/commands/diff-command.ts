import { renderedRoot } from '@platform/config';
import {
  diffRenderedFiles,
  formatJson,
  formatMarkdown,
  formatTerminal,
  RenderedInputError,
  type RenderedFile,
} from '@platform/rendered-diff';
import type { CommandOptions } from '../main';
import { readTree } from '../render/rendered-tree';
import { BaseRevisionError, readBaseAgainstWorkingTree } from './diff-command-git';

/** Reviewers read a note, not a novel; GitLab's own note limit is far larger. */
const DEFAULT_MAX_CHARS = 60_000;

/**
 * `gitops diff --base <rev>`: rendered/ at the base revision against the working tree, resource by
 * resource. Exit 0 whatever changed (the diff informs; check gates); 1 when it cannot be computed.
 */
export async function diffCommand(options: CommandOptions): Promise<number> {
  if (!options.base) {
    process.stderr.write('gitops diff: --base <git-rev> is required (e.g. --base origin/main)\n');
    return 2;
  }
  const maxChars = options.maxChars === undefined ? DEFAULT_MAX_CHARS : Number(options.maxChars);
  if (!Number.isInteger(maxChars) || maxChars < 2_000) {
    process.stderr.write(
      `gitops diff: --max-chars must be a whole number of at least 2000, got "${options.maxChars}"\n`,
    );
    return 2;
  }
  try {
    const head: RenderedFile[] = [...readTree(options.root, renderedRoot)]
      .filter(([path]) => /\.ya?ml$/.test(path))
      .map(([path, content]) => ({ path, content }));
    const base = await readBaseAgainstWorkingTree(options.root, options.base, renderedRoot, head);
    const identicalPaths = new Set(base.identical.map((file) => file.path));
    const diff = diffRenderedFiles(
      base.changed,
      head.filter((file) => !identicalPaths.has(file.path)),
      base.identical,
    );
    if (options.json) process.stdout.write(formatJson(diff));
    else if (options.markdown) {
      const fullDiffLocation = options.fullDiffUrl
        ? `[the complete diff](${options.fullDiffUrl})`
        : `run \`npx gitops diff --base ${options.base}\``;
      process.stdout.write(formatMarkdown(diff, { maxChars, fullDiffLocation }));
    } else {
      const colour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
      process.stdout.write(formatTerminal(diff, { colour }));
    }
    return 0;
  } catch (error) {
    if (error instanceof BaseRevisionError || error instanceof RenderedInputError) {
      process.stderr.write(`gitops diff: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
