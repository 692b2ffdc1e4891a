import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { SourceFile } from '@platform/validate';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** A file and its path as findings show it: relative to the repository root when inside it. */
export type { SourceFile } from '@platform/validate';

/** A YAML file found under the given paths, not read yet. */
export interface YamlFileOnDisk {
  /** Path as shown in findings: relative to the repository root when inside it. */
  path: string;
  absolute: string;
}

const YAML_FILE = /\.(ya?ml|json)$/;

/**
 * Every YAML (and JSON) file under the given paths, sorted by the path findings show, unread:
 * `gitops validate` reads them as it validates them (from 1,000 files, on a reader thread).
 * A path that does not exist is an error rather than a silent pass.
 */
export function listYamlFiles(root: string, paths: string[]): YamlFileOnDisk[] {
  const files = new Map<string, string>();
  const display = (absolute: string) => {
    const rel = relative(root, absolute);
    return (rel.startsWith('..') || isAbsolute(rel) ? absolute : rel).split(sep).join('/');
  };
  const add = (absolute: string, shown = display(absolute)) => {
    if (YAML_FILE.test(absolute)) files.set(shown, absolute);
  };
  // Directory entries say their type: only symbolic links need a stat (10,000 stats cost 0.1 s),
  // and a file's displayed path is its directory's plus its name.
  const visitDirectory = (directory: string, shown = display(directory)) => {
    const prefix = shown === '' ? '' : `${shown}/`;
    // Joined by hand: the directory is already normalized, and join() normalizes again per entry.
    const parent = directory.endsWith(sep) ? directory : directory + sep;
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const absolute = parent + entry.name;
      if (entry.isDirectory()) visitDirectory(absolute, prefix + entry.name);
      else if (entry.isSymbolicLink()) visit(absolute);
      else if (entry.isFile()) add(absolute, prefix + entry.name);
    }
  };
  const visit = (absolute: string) => {
    if (statSync(absolute).isDirectory()) visitDirectory(absolute);
    else add(absolute);
  };
  for (const path of paths) {
    const absolute = resolve(path);
    if (!existsSync(absolute)) throw new Error(`${path}: no such file or directory`);
    visit(absolute);
  }
  // The default sort compares UTF-16 code units, as `<` does, without a comparator's calls.
  return [...files.keys()].sort().map((path) => ({ path, absolute: files.get(path)! }));
}

/** Reads every YAML (and JSON) file under the given paths, sorted, for policy and check. */
export function collectYamlFiles(root: string, paths: string[]): SourceFile[] {
  return listYamlFiles(root, paths).map(({ path, absolute }) => ({
    path,
    content: readFileSync(absolute, 'utf8'),
  }));
}
