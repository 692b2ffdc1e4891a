import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { celLibrary } from './cel-library';
import { DigestDirectory } from '../caches/digest-directory';
import { CelSyntaxCache } from './cel-syntax-cache';

const scratch = mkdtempSync(join(tmpdir(), 'cel-syntax-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const rule = '!has(self.amiFamily) || self.amiSelectorTerms.exists(x, has(x.alias))';
const evaluate = (parsed: ReturnType<CelSyntaxCache['parsed']>, self: unknown) => {
  const { cel } = celLibrary();
  return cel.plan(
    cel.celEnv(),
    parsed,
  )({ self: cel.celMap(new Map(Object.entries(self as object))) } as never);
};

describe('parsed CEL rules kept as bytes', () => {
  it('reads back the tree the parser gives, which evaluates the same', () => {
    const cache = new CelSyntaxCache(new DigestDirectory(join(scratch, 'round-trip'), '.bin'));
    const parsed = cache.parsed(rule);
    expect(readdirSync(join(scratch, 'round-trip'))).toHaveLength(1);
    const again = cache.parsed(rule);
    expect(again).toEqual(celLibrary().cel.parse(rule));
    expect(again).not.toBe(parsed);
    expect(evaluate(again, { amiSelectorTerms: [] })).toBe(true);
  });

  it('uses the kept tree, and parses again when the entry is not a tree', () => {
    const directory = join(scratch, 'entries');
    const cache = new CelSyntaxCache(new DigestDirectory(directory, '.bin'));
    cache.parsed(rule);
    const [entry] = readdirSync(directory);
    // Another rule's tree under this rule's name is returned: the entry, not the parser, answered.
    const { cel, syntax } = celLibrary();
    writeFileSync(
      join(directory, entry!),
      syntax.toBinary(syntax.ParsedExprSchema, cel.parse('1 == 2')),
    );
    expect(cache.parsed(rule)).toEqual(cel.parse('1 == 2'));
    writeFileSync(join(directory, entry!), 'not protobuf');
    expect(cache.parsed(rule)).toEqual(cel.parse(rule));
  });
});
