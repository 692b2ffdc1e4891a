import { execa } from 'execa';
import type { RenderedFile } from '@platform/rendered-diff';

/** Git could not give the base revision's rendered/: names the revision and what to do. */
export class BaseRevisionError extends Error {
  override name = 'BaseRevisionError';
}

/**
 * Every file under `directory` at a Git revision, read in two git calls however many files there
 * are: `ls-tree` for the blob ids, one `cat-file --batch` for all contents.
 */
export async function readTreeAtRevision(
  root: string,
  revision: string,
  directory: string,
): Promise<RenderedFile[]> {
  const commit = await execa('git', ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], {
    cwd: root,
    reject: false,
  });
  if (commit.exitCode !== 0) {
    throw new BaseRevisionError(
      `base revision "${revision}" is not a commit in this clone (a shallow CI clone needs it fetched: git fetch --depth=100 origin <branch>)`,
    );
  }
  const listing = await execa(
    'git',
    ['ls-tree', '-r', '-z', commit.stdout.trim(), '--', `${directory}/`],
    { cwd: root },
  );
  const entries = listing.stdout
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t') as [string, string];
      const [, type, id] = meta.split(' ') as [string, string, string];
      return { type, id, path };
    })
    .filter((entry) => entry.type === 'blob' && /\.ya?ml$/.test(entry.path));
  if (entries.length === 0) return [];
  const batch = await execa('git', ['cat-file', '--batch'], {
    cwd: root,
    input: `${entries.map((entry) => entry.id).join('\n')}\n`,
    encoding: 'buffer',
  });
  const contents = splitBatchOutput(Buffer.from(batch.stdout));
  return entries.map((entry, index) => ({ path: entry.path, content: contents[index]! }));
}

/** `cat-file --batch` prints `<id> blob <size>\n<content>\n` per object, in input order. */
function splitBatchOutput(output: Buffer): string[] {
  const contents: string[] = [];
  let offset = 0;
  while (offset < output.length) {
    const newline = output.indexOf(10, offset);
    const header = output.subarray(offset, newline).toString('utf8');
    const size = Number(header.split(' ')[2]);
    if (!Number.isInteger(size))
      throw new BaseRevisionError(`git cat-file: unexpected output "${header}"`);
    contents.push(output.subarray(newline + 1, newline + 1 + size).toString('utf8'));
    offset = newline + 1 + size + 1;
  }
  return contents;
}
