import { originOfRenderedPath, parseRenderedFiles } from './parse-rendered-files';
import type { RenderedFile } from './rendered-resource';

/** A line that starts or ends a YAML document (`---`, `...`): forbidden at column 0 inside content. */
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:[ \t]|$)/m;
/** The first line that is neither blank nor a comment. */
const FIRST_CONTENT_LINE = /^[ \t]*[^\s#].*$/m;
/** A plain, unindented mapping key (`apiVersion: v1`): the document is a mapping, so not null. */
const ROOT_MAPPING_KEY = /^[A-Za-z0-9_][\w.\-/]*:(?:[ \t]|$)/;

/**
 * How many resources the files hold, for the "unchanged" count of files that are byte-identical
 * on both sides (their resources cannot have changed). A rendered file is one object: a file
 * without document markers whose first content line is a root mapping key holds exactly one, so
 * it is not parsed; anything else (several documents, directives, flow style, a path outside
 * rendered/<cluster>/<app>/<component>/) goes through the parser. An identical file is not
 * checked for errors here: `gitops check` validates every file.
 */
export function countRenderedResources(files: readonly RenderedFile[]): number {
  let count = 0;
  const unusual: RenderedFile[] = [];
  for (const file of files) {
    if (originOfRenderedPath(file.path) && holdsOneObject(file.content)) count += 1;
    else unusual.push(file);
  }
  return count + parseRenderedFiles(unusual).length;
}

function holdsOneObject(content: string): boolean {
  if (DOCUMENT_MARKER.test(content)) return false;
  const first = FIRST_CONTENT_LINE.exec(content)?.[0];
  return first !== undefined && ROOT_MAPPING_KEY.test(first);
}
