import type { Finding } from '@platform/manifests';
import { entryFinding, type ResourceEntry } from './resources/resource-entry';

/**
 * The API server refuses a ConfigMap or Secret whose data exceeds 1 MiB, and etcd's request limit
 * stops any object not far above it: 1 MiB of JSON, the form the object is stored in, is where
 * this repository draws the line for every kind.
 */
export const objectSizeLimitBytes = 1024 * 1024;

/**
 * Whether an object read from `text` can be over the limit at all. Without aliases, an object's
 * JSON is at most a few times the YAML it was read from (`a:` becomes `"a":null,`, a character
 * outside ASCII up to 3 UTF-8 bytes): a file under an eighth of the limit needs no measuring.
 * (Whether the values use aliases is the parser's word: a `*` alone, as in a shell script, is not
 * an alias, and measuring every such ConfigMap was work per byte.)
 */
export function mayExceedObjectSize(text: string, usesAliases: boolean): boolean {
  return text.length * 8 > objectSizeLimitBytes || usesAliases;
}

export function checkObjectSize(entry: ResourceEntry): Finding[] {
  const size = Buffer.byteLength(JSON.stringify(entry.value) ?? '');
  if (size <= objectSizeLimitBytes) return [];
  return [
    entryFinding(entry, {
      path: [],
      message: `object is ${size} bytes as JSON; Kubernetes accepts at most ${objectSizeLimitBytes} (1 MiB) per object: split it, or mount the data another way`,
      rule: 'object-size',
    }),
  ];
}
