import { readFileSync } from 'node:fs';
import type { VendoredManifests } from '@platform/core';
import { parseAllDocuments } from 'yaml';
import { vendoredManifest } from '../vendor';

/**
 * What the render engine hands components as `context.vendored`: a vendored manifest file's
 * parsed YAML documents. The engine stays pure; the file is read here, after the lock and the
 * sha256 are checked, and parsed once per run. Each call returns a fresh copy, so a component
 * cannot change what another one reads.
 */
export function vendoredManifests(root: string): VendoredManifests {
  const parsed = new Map<string, readonly unknown[]>();
  return (artifact) => {
    const key = `${artifact.name}@${artifact.version}`;
    let documents = parsed.get(key);
    if (!documents) {
      const path = vendoredManifest(root, artifact);
      documents = parseAllDocuments(readFileSync(path, 'utf8'))
        .map((document) => document.toJS() as unknown)
        .filter((document) => document !== null);
      parsed.set(key, documents);
    }
    return structuredClone(documents);
  };
}
