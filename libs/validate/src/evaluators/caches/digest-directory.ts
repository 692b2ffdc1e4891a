import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeEntry } from './code-cache-directory';

/**
 * What a cache keeps between runs, by key: the small interface the schema catalog and the CEL
 * evaluator are given. It knows nothing of what it keeps (bytes), and never fails: an entry that
 * cannot be read or written only means doing the work again.
 */
export interface EntryStore {
  /** The entry kept for the key's parts, if any. */
  read(key: readonly string[]): Buffer | undefined;
  write(key: readonly string[], contents: string | Uint8Array): void;
}

/**
 * Entries as files named by the digest of their key, in one directory under node_modules/.cache:
 * an entry is never stale, only unused, and those written more than a week ago are removed when a
 * new one is written (writeEntry).
 */
export class DigestDirectory implements EntryStore {
  constructor(
    readonly directory: string,
    /** Of the entries' files: `.json`, `.bin`, `.cjs`. */
    private readonly extension: string,
  ) {}

  /** The file of the entry for a key (its parts joined by NUL, so no two keys share one). */
  path(key: readonly string[]): string {
    const digest = createHash('sha256');
    key.forEach((part, index) => digest.update(index === 0 ? part : `\0${part}`));
    return join(this.directory, `${digest.digest('hex').slice(0, 40)}${this.extension}`);
  }

  read(key: readonly string[]): Buffer | undefined {
    try {
      return readFileSync(this.path(key));
    } catch {
      return undefined;
    }
  }

  write(key: readonly string[], contents: string | Uint8Array): void {
    try {
      writeEntry(this.path(key), contents);
    } catch {
      // Not writable (read-only checkout, full disk): the work is done again next time.
    }
  }
}
