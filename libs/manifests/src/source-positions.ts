import { createRequire } from 'node:module';
import type { Document, LineCounter, Node } from 'yaml';
import type { FieldPath } from './field-path';
import type { Finding } from './finding';

type Position = { line: number; column: number };

/**
 * The `yaml` package, loaded on first use: most runs locate nothing, and loading it is a fifth
 * of `gitops validate`'s start-up. (Its Node entry is CommonJS for `import` too: one instance.)
 */
let yamlPackage: typeof import('yaml') | undefined;
const yaml = () => (yamlPackage ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

/**
 * The `yaml` package's syntax tree of one file, built on first use: locating a field costs a
 * full parse with positions, which only documents that have findings need.
 */
export class SourcePositions {
  private documents: Document.Parsed[] | undefined;
  private lineCounter: LineCounter | undefined;

  constructor(private readonly content: string) {}

  /** Line and column (1-based) of the node at `path` in document `index`, or its nearest ancestor. */
  locate(index: number, path: FieldPath, part: 'key' | 'value'): Position {
    const doc = this.tree()[index];
    if (!doc?.contents) return { line: 1, column: 1 };
    const { isMap, isScalar, isSeq } = yaml();
    let node: Node | null = doc.contents;
    let best = this.position(doc.contents.range[0]);
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
        if (!pair) break;
        const keyNode = pair.key as Node | null;
        const valueNode = pair.value as Node | null;
        node = valueNode;
        const anchor = part === 'key' || !valueNode?.range ? keyNode : valueNode;
        if (anchor?.range) best = this.position(anchor.range[0]);
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item) break;
        node = item;
        if (item.range) best = this.position(item.range[0]);
      } else {
        break;
      }
    }
    return best;
  }

  /** Syntax errors, duplicate keys and warnings of the whole file, as the syntax tree reports them. */
  syntaxFindings(file: string): Finding[] {
    const findings: Finding[] = [];
    for (const doc of this.tree()) {
      for (const error of [...doc.errors, ...doc.warnings]) {
        findings.push({
          file,
          ...this.position(error.pos[0]),
          resource: '-',
          field: '',
          message:
            error.code === 'DUPLICATE_KEY'
              ? this.duplicateKeyMessage(error.pos)
              : `YAML: ${error.message.split('\n')[0]}`,
          severity: doc.errors.includes(error as never) ? 'error' : 'warning',
          rule: error.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml',
        });
      }
    }
    return findings;
  }

  /** Names the key, as Kubernetes' strict reader does (`key "a" already set in map`). */
  private duplicateKeyMessage([start]: [number, number]): string {
    const lineEnd = this.content.indexOf('\n', start);
    const rest = this.content.slice(start, lineEnd === -1 ? undefined : lineEnd);
    const key = rest.split(':')[0]!.trim();
    return `YAML: duplicate key ${JSON.stringify(key)}: it is already set in this mapping, and Kubernetes rejects a key set twice`;
  }

  /**
   * An alias bomb (a few lines that expand to millions of nodes) as a finding, or undefined when
   * every document's aliases expand within bounds.
   */
  aliasExpansionFinding(file: string): Finding | undefined {
    for (const doc of this.tree()) {
      if (doc.errors.length > 0) continue;
      try {
        doc.toJS({ maxAliasCount: 100 });
      } catch (error) {
        return {
          file,
          ...this.position(doc.contents?.range[0] ?? 0),
          resource: '-',
          field: '',
          message: `YAML: ${(error as Error).message} (aliases expand beyond 100 nodes; refusing to expand)`,
          severity: 'error',
          rule: 'yaml',
        };
      }
    }
    return undefined;
  }

  private tree(): Document.Parsed[] {
    if (!this.documents) {
      this.lineCounter = new (yaml().LineCounter)();
      const parsed = yaml().parseAllDocuments(this.content, {
        lineCounter: this.lineCounter,
        prettyErrors: false,
        uniqueKeys: true,
      });
      this.documents = Array.isArray(parsed) ? parsed : [parsed as unknown as Document.Parsed];
    }
    return this.documents;
  }

  private position(offset: number): Position {
    this.tree();
    const { line, col } = this.lineCounter!.linePos(offset);
    return { line, column: col };
  }
}
