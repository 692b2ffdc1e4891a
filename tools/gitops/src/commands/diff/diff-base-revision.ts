import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import type { RenderedFile } from '@platform/rendered-diff';

const run = promisify(execFile);

/**
 * Runs git and returns its stdout. node:child_process rather than execa here: loading execa costs
 * about a third of a second of CPU, a sixth of the diff's two-second budget, for two plain calls.
 */
async function git(
  root: string,
  args: string[],
  input?: string,
): Promise<{ exitCode: number; stdout: Buffer }> {
  if (input === undefined) {
    try {
      const { stdout } = await run('git', args, {
        cwd: root,
        encoding: 'buffer',
        maxBuffer: 1 << 30,
      });
      return { exitCode: 0, stdout };
    } catch (error) {
      return { exitCode: (error as { code?: number }).code ?? 1, stdout: Buffer.alloc(0) };
    }
  }
  const child = execFile('git', args, { cwd: root, encoding: 'buffer', maxBuffer: 1 << 30 });
  const chunks: Buffer[] = [];
  child.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stdin!.end(input);
  const exitCode = await new Promise<number>((resolve) =>
    child.on('close', (code) => resolve(code ?? 1)),
  );
  return { exitCode, stdout: Buffer.concat(chunks) };
}

/** Git could not give the base revision's rendered/: names the revision and what to do. */
export class BaseRevisionError extends Error {
  override name = 'BaseRevisionError';
}

interface TreeEntry {
  path: string;
  id: string;
}

/** The base revision's side of the diff: files that differ from the working tree, and the rest. */
export interface BaseAgainstWorkingTree {
  /** Files at the revision whose bytes differ from the working tree's (or that it lacks). */
  changed: RenderedFile[];
  /** Working-tree files byte-identical to the revision's at the same path: never read from Git. */
  identical: RenderedFile[];
}

/**
 * The YAML files under `directory` at a Git revision, compared with the working tree's `head`
 * files by Git blob id, in two git calls however many files there are: `ls-tree` for the ids, one
 * `cat-file --batch` for the contents of the files that differ. A change to 1,000 of 2,000 files
 * reads 1,000 blobs, not 2,000, and a one-file change reads one.
 */
export async function readBaseAgainstWorkingTree(
  root: string,
  revision: string,
  directory: string,
  head: readonly RenderedFile[],
): Promise<BaseAgainstWorkingTree> {
  const entries = await listTreeAtRevision(root, revision, directory);
  const headByPath = new Map(head.map((file) => [file.path, file.content]));
  const identical: RenderedFile[] = [];
  const differing: TreeEntry[] = [];
  for (const entry of entries) {
    const content = headByPath.get(entry.path);
    if (content !== undefined && gitBlobId(content, entry.id.length) === entry.id) {
      identical.push({ path: entry.path, content });
    } else differing.push(entry);
  }
  const contents = await readBlobs(root, revision, differing);
  const changed = differing.map((entry, index) => ({
    path: entry.path,
    content: contents[index]!,
  }));
  return { changed, identical };
}

/** The id Git gives `content` as a blob: sha1 (40 hex digits) or, in a sha256 repository, sha256. */
export function gitBlobId(content: string, idLength: number): string {
  return createHash(idLength === 64 ? 'sha256' : 'sha1')
    .update(`blob ${Buffer.byteLength(content)}\0`)
    .update(content)
    .digest('hex');
}

async function listTreeAtRevision(
  root: string,
  revision: string,
  directory: string,
): Promise<TreeEntry[]> {
  const commit = await git(root, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
  if (commit.exitCode !== 0) {
    throw new BaseRevisionError(
      `base revision "${revision}" is not a commit in this clone (a shallow CI clone needs it fetched: git fetch --depth=100 origin <branch>)`,
    );
  }
  const listing = await git(root, [
    'ls-tree',
    '-r',
    '-z',
    commit.stdout.toString().trim(),
    '--',
    `${directory}/`,
  ]);
  if (listing.exitCode !== 0) throw new BaseRevisionError(`git ls-tree ${revision} failed`);
  return listing.stdout
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t') as [string, string];
      const [, type, id] = meta.split(' ') as [string, string, string];
      return { type, id, path };
    })
    .filter((entry) => entry.type === 'blob' && /\.ya?ml$/.test(entry.path))
    .map(({ id, path }) => ({ id, path }));
}

async function readBlobs(root: string, revision: string, entries: TreeEntry[]): Promise<string[]> {
  if (entries.length === 0) return [];
  const batch = await git(
    root,
    ['cat-file', '--batch'],
    `${entries.map((entry) => entry.id).join('\n')}\n`,
  );
  if (batch.exitCode !== 0)
    throw new BaseRevisionError(`git cat-file --batch failed for ${revision}`);
  return splitBatchOutput(batch.stdout);
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
