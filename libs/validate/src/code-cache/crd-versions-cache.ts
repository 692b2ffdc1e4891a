import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CrdVersionSchema } from '../crd/crd-schema-set';
import { codeCacheDirectory, writeEntry } from './code-cache-directory';

/**
 * The CRD versions read from a file, kept as JSON under node_modules/.cache by the digest of the
 * file's path and content: the committed CRDs (2 MB of YAML, Argo CD's ApplicationSet alone 1.4
 * MB) are read by every `gitops validate` before any file can be checked, and JSON parses ten
 * times faster than YAML. A cache that cannot be written only means reading the YAML next time.
 * Entries keyed by a file's stamp change with every checkout: those unused for a week go.
 */
export class CrdVersionsCache {
  constructor(private readonly directory = codeCacheDirectory('gitops-crd-versions')) {}

  versions(
    file: { path: string; content: string; stamp?: string },
    read: () => CrdVersionSchema[],
  ): CrdVersionSchema[] {
    // By the file's stamp when it has one: then a hit never reads the file (2 MB, 28 ms).
    const digest = createHash('sha256')
      .update(file.path)
      .update(file.stamp === undefined ? `\0${file.content}` : `\0stamp\0${file.stamp}`)
      .digest('hex');
    const path = join(this.directory, `${digest}.json`);
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as CrdVersionSchema[];
    } catch {
      // Not cached yet (or unreadable): read the YAML.
    }
    const versions = read();
    try {
      writeEntry(path, JSON.stringify(versions));
    } catch {
      // Not writable: read again next time, same result.
    }
    return versions;
  }
}
