import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The repository root: apps/observability/src/testing → four levels up. */
export const repositoryRoot = resolve(__dirname, '../../../..');

export interface CommittedFile {
  /** Repository-relative path. */
  path: string;
  content: string;
}

/** Every committed file under a rendered/ folder (tests read what `gitops check` keeps fresh). */
export function committedFiles(folder: string): CommittedFile[] {
  const files: CommittedFile[] = [];
  const visit = (absolute: string) => {
    if (!existsSync(absolute)) return;
    if (statSync(absolute).isDirectory()) {
      for (const entry of readdirSync(absolute).sort()) visit(join(absolute, entry));
    } else {
      const path = relative(repositoryRoot, absolute).split('\\').join('/');
      files.push({ path, content: readFileSync(absolute, 'utf8') });
    }
  };
  visit(join(repositoryRoot, folder));
  return files;
}

/** The Kubernetes objects of committed files (values.yaml left out). */
export function committedObjects(folder: string): Record<string, any>[] {
  return committedFiles(folder)
    .filter((file) => !file.path.endsWith('/values.yaml'))
    .flatMap((file) => parseAllDocuments(file.content).map((document) => document.toJS()))
    .filter(Boolean);
}
