import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository this CLI belongs to: tools/gitops/src/workspace → four levels up. */
export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
