import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

// One digest per file and version of it per process: a render asks for the same packages once per
// cluster, and hashing a 2 MB install file every time would cost more than the check is worth.
// The key holds size, mtime and inode, so a file changed within the process is hashed again.
const digests = new Map<string, string>();

/** The hex sha256 of a file's bytes. */
export function sha256File(path: string): string {
  const stat = statSync(path);
  const key = `${path}\0${stat.size}\0${stat.mtimeMs}\0${stat.ino}`;
  let digest = digests.get(key);
  if (digest === undefined) {
    digest = createHash('sha256').update(readFileSync(path)).digest('hex');
    digests.set(key, digest);
  }
  return digest;
}
