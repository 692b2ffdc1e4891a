import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A cache entry as a file: a first line with the sha256 of the body, then the body. Written aside
 * and renamed into place, so a reader never sees half of one; read back only when the body
 * matches its digest (a truncated or edited entry is a miss), and marked used (its time) when
 * read, so pruning keeps what is in use.
 */
export function readCheckedFile(path: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  const body = text.slice(newline + 1);
  if (text.slice(0, newline) !== digestLine(body)) return undefined;
  const now = new Date();
  try {
    utimesSync(path, now, now);
  } catch {
    // Removed meanwhile by another process: the body was read already.
  }
  return body;
}

export function writeCheckedFile(path: string, body: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${digestLine(body)}\n${body}`);
  renameSync(temporary, path);
}

/** Removes the entries of `directory` beyond the `keep` used last, and any unused for `maxAgeMs`. */
export function pruneCacheDirectory(
  directory: string,
  { keep = Infinity, maxAgeMs = Infinity }: { keep?: number; maxAgeMs?: number },
): void {
  const oldest = Date.now() - maxAgeMs;
  const entries = readdirSync(directory)
    .flatMap((name) => {
      try {
        return [{ name, used: statSync(join(directory, name)).mtimeMs }];
      } catch {
        return []; // Removed by another process.
      }
    })
    .sort((a, b) => b.used - a.used);
  entries
    .filter((entry, index) => index >= keep || entry.used < oldest)
    .forEach(({ name }) => rmSync(join(directory, name), { force: true }));
}

const digestLine = (body: string) => `# sha256 ${createHash('sha256').update(body).digest('hex')}`;
