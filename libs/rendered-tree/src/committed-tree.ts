import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * The committed rendered/ tree as the apps' tests read it: what ArgoCD applies, kept fresh by
 * `gitops check`. Tests that assert on the rendered output read it through here, so there is one
 * reader of committed files, with one rule for paths and for Helm values files.
 */

/** The repository root, from libs/rendered-tree/src. */
export const repositoryRoot = resolve(__dirname, '../../..');

export interface CommittedFile {
  /** Repository-relative, with forward slashes. */
  path: string;
  content: string;
}

export interface RenderedObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  /** Repository-relative path of the file that holds it, for assertion messages. */
  file: string;
  [field: string]: any;
}

/** Every file under a repository-relative folder (or that one file), sorted; empty when absent. */
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

/**
 * The Kubernetes objects under a repository-relative folder, each with its file; Helm values
 * files (`values.yaml`, no `kind`) are left out. A missing folder is an error, not an empty list:
 * a test over nothing would pass for the wrong reason.
 */
export function committedObjects(folder: string): RenderedObject[] {
  if (!existsSync(join(repositoryRoot, folder)))
    throw new Error(`${folder} does not exist: run \`npx gitops render\``);
  return committedFiles(folder)
    .filter((file) => file.path.endsWith('.yaml') && !file.path.endsWith('/values.yaml'))
    .flatMap((file) =>
      parseAllDocuments(file.content)
        .map((document) => document.toJS() as RenderedObject | null)
        .filter((object): object is RenderedObject => Boolean(object?.kind))
        .map((object) => ({ ...object, file: file.path })),
    );
}

/** The one object of a kind and name, or an error listing where it looked. */
export function findObject(objects: RenderedObject[], kind: string, name: string): RenderedObject {
  const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found)
    throw new Error(
      `no ${kind}/${name} among ${[...new Set(objects.map((o) => o.file))].join(', ')}`,
    );
  return found;
}
