import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node,
} from 'yaml';
import type { FieldPath } from './field-path';
import type { Finding } from './finding';
import { resourceLabel } from './resource-label';

/** One YAML document of a file, with its plain value and a way to find any field's line. */
export interface ManifestDocument {
  file: string;
  /** Position of the document in its file, from 0. */
  index: number;
  value: unknown;
  /** Line and column (1-based) of the node at `path`, or of its nearest existing ancestor. */
  locate(path: FieldPath, part?: 'key' | 'value'): { line: number; column: number };
}

export interface ParsedFile {
  documents: ManifestDocument[];
  /** Syntax errors and duplicate keys, located. */
  findings: Finding[];
}

/**
 * Parses a multi-document YAML file, keeping source positions. Empty documents (a lone `---`,
 * comments only) are skipped, as Kubernetes tools do.
 */
export function parseManifestFile(file: string, content: string): ParsedFile {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(content, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const docs = Array.isArray(parsed) ? parsed : [parsed];
  const documents: ManifestDocument[] = [];
  const findings: Finding[] = [];
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  docs.forEach((doc: Document.Parsed, index) => {
    for (const error of [...doc.errors, ...doc.warnings]) {
      const at = position(error.pos[0]);
      findings.push({
        file,
        ...at,
        resource: '-',
        field: '',
        message: `YAML: ${error.message.split('\n')[0]}`,
        severity: doc.errors.includes(error as never) ? 'error' : 'warning',
        rule: error.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml',
      });
    }
    if (doc.errors.length > 0 || doc.contents === null) return;
    const value = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) return;
    const start = position(doc.contents.range[0]);
    documents.push({
      file,
      index,
      value,
      locate(path, part = 'value') {
        let node: Node | null = doc.contents;
        let best = start;
        for (const segment of path) {
          if (isMap(node)) {
            const pair = node.items.find(
              (p) => (isScalar(p.key) ? p.key.value : p.key) === segment,
            );
            if (!pair) break;
            const keyNode = pair.key as Node | null;
            const valueNode = pair.value as Node | null;
            node = valueNode;
            const anchor = part === 'key' || !valueNode?.range ? keyNode : valueNode;
            if (anchor?.range) best = position(anchor.range[0]);
          } else if (isSeq(node) && typeof segment === 'number') {
            const item = node.items[segment] as Node | undefined;
            if (!item) break;
            node = item;
            if (item.range) best = position(item.range[0]);
          } else {
            break;
          }
        }
        return best;
      },
    });
  });
  for (const finding of findings) {
    const owner = documents.find((d) => d.locate([]).line <= finding.line);
    if (owner) finding.resource = resourceLabel(owner.value);
  }
  return { documents, findings };
}
