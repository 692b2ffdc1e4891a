import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { codeCacheDirectory, writeEntry } from '../code-cache/code-cache-directory';
import { celLibrary, type CelLibrary } from './cel-library';

export type ParsedCelRule = ReturnType<CelLibrary['cel']['parse']>;

/**
 * CEL's parser is a large generated one: cold, it took 66 ms for the 60 rules of Karpenter's CRDs
 * that a 10,000-resource run meets, at every run. A parsed rule is a protobuf message, so it is
 * kept as bytes under node_modules/.cache/gitops-cel-syntax, named by the digest of the parser's
 * version and the rule, and read back in a fraction of that. Unreadable or unwritable entries
 * only mean parsing again.
 */
export class CelSyntaxCache {
  constructor(private readonly directory = codeCacheDirectory('gitops-cel-syntax')) {}

  parsed(rule: string): ParsedCelRule {
    const { cel, syntax } = celLibrary();
    const digest = createHash('sha256').update(parserVersion()).update('\0').update(rule);
    const path = join(this.directory, `${digest.digest('hex').slice(0, 40)}.bin`);
    try {
      const read = syntax.fromBinary(syntax.ParsedExprSchema, readFileSync(path));
      if (read.expr) return read as ParsedCelRule;
    } catch {
      // Not cached yet (or unreadable): parse.
    }
    const parsed = cel.parse(rule);
    try {
      writeEntry(path, syntax.toBinary(syntax.ParsedExprSchema, parsed));
    } catch {
      // Not writable: parsed again next time, same tree.
    }
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
