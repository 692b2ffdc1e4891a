import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { EntryStore } from '../caches/digest-directory';
import { celLibrary, type CelLibrary } from './cel-library';

export type ParsedCelRule = ReturnType<CelLibrary['cel']['parse']>;

/**
 * CEL's parser is a large generated one: cold, it took 66 ms for the 60 rules of Karpenter's CRDs
 * that a 10,000-resource run meets, at every run. A parsed rule is a protobuf message, so it is
 * kept as bytes, by the parser's version and the rule, and read back in a fraction of that.
 * Unreadable entries only mean parsing again.
 */
export class CelSyntaxCache {
  constructor(private readonly store: EntryStore) {}

  parsed(rule: string): ParsedCelRule {
    const { cel, syntax } = celLibrary();
    const key = [parserVersion(), rule];
    const kept = this.store.read(key);
    if (kept) {
      try {
        const read = syntax.fromBinary(syntax.ParsedExprSchema, kept);
        if (read.expr) return read as ParsedCelRule;
      } catch {
        // Not a syntax tree: parse.
      }
    }
    const parsed = cel.parse(rule);
    this.store.write(key, syntax.toBinary(syntax.ParsedExprSchema, parsed));
    return parsed;
  }
}

let version: string | undefined;

/** The installed @bufbuild/cel's version: another version may parse a rule differently. */
function parserVersion(): string {
  if (version === undefined) {
    const entry = createRequire(import.meta.url).resolve('@bufbuild/cel');
    // dist/cjs/index.js -> the package's own package.json (not exported, so read by path).
    const manifest = join(dirname(entry), '..', '..', 'package.json');
    version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  }
  return version;
}
