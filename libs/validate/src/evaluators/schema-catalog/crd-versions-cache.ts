import type { CrdVersionSchema } from '../../checks/custom-resources/crd-versions';
import type { EntryStore } from '../caches/digest-directory';

/**
 * The CRD versions read from a file, kept as JSON by the file's path and content: the committed
 * CRDs (2 MB of YAML, Argo CD's ApplicationSet alone 1.4 MB) are read by every `gitops validate`
 * before any file can be checked, and JSON parses ten times faster than YAML. Entries keyed by a
 * file's stamp change with every checkout: the store drops those unused for a week.
 */
export class CrdVersionsCache {
  constructor(private readonly store: EntryStore) {}

  versions(
    file: { path: string; content: string; stamp?: string },
    read: () => CrdVersionSchema[],
  ): CrdVersionSchema[] {
    // By the file's stamp when it has one: then a hit never reads the file (2 MB, 28 ms).
    const key =
      file.stamp === undefined ? [file.path, file.content] : [file.path, 'stamp', file.stamp];
    const kept = this.store.read(key);
    if (kept) {
      try {
        return JSON.parse(kept.toString('utf8')) as CrdVersionSchema[];
      } catch {
        // Unreadable: read the YAML.
      }
    }
    const versions = read();
    this.store.write(key, JSON.stringify(versions));
    return versions;
  }
}
