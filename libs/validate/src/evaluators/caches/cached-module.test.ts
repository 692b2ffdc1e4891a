import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCachedModule } from './cached-module';

const scratch = mkdtempSync(join(tmpdir(), 'cached-module-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const filename = join(scratch, 'generated.cjs');
const code = (answer: number) =>
  `"use strict"; exports.answer = function answer() { return ${answer} + bonus; };`;

/** Runs `code(answer)` with `bonus` bound, caching in `directory`, and calls what it exports. */
const answerOf = (answer: number, bonus: number, directory: string) =>
  (
    runCachedModule(code(answer), filename, { bonus }, directory) as { answer: () => number }
  ).answer();

describe('generated CommonJS run with a V8 code cache', () => {
  it('runs the code with its bindings, and writes one cache entry that later runs use', () => {
    const directory = join(scratch, 'round-trip');
    expect(answerOf(40, 2, directory)).toBe(42);
    expect(readdirSync(directory)).toHaveLength(1);
    expect(answerOf(40, 2, directory)).toBe(42);
    expect(readdirSync(directory)).toHaveLength(1);
    // The file's bytes, as a loader reads them, are the same code: same entry.
    const fromBytes = runCachedModule(Buffer.from(code(40)), filename, { bonus: 2 }, directory);
    expect((fromBytes as { answer: () => number }).answer()).toBe(42);
    expect(readdirSync(directory)).toHaveLength(1);
  });

  it('never runs a cache made for other code of the same length', () => {
    const directory = join(scratch, 'same-length');
    runCachedModule(code(40), filename, { bonus: 2 }, directory);
    expect(answerOf(50, 2, directory)).toBe(52);
    expect(readdirSync(directory)).toHaveLength(2);
  });

  it('removes entries written more than a week ago when it writes a new one', () => {
    const directory = join(scratch, 'pruned');
    runCachedModule(code(5), filename, { bonus: 0 }, directory);
    const [old] = readdirSync(directory);
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    utimesSync(join(directory, old!), eightDaysAgo, eightDaysAgo);
    runCachedModule(code(6), filename, { bonus: 0 }, directory);
    expect(readdirSync(directory)).toHaveLength(1);
    expect(readdirSync(directory)).not.toContain(old);
  });

  it('runs the code all the same when the cache cannot be written or is garbage', () => {
    const file = join(scratch, 'not-a-directory');
    writeFileSync(file, '');
    expect(answerOf(1, 1, join(file, 'cache'))).toBe(2);
    const directory = join(scratch, 'garbage');
    runCachedModule(code(3), filename, { bonus: 0 }, directory);
    const [entry] = readdirSync(directory);
    writeFileSync(join(directory, entry!), 'not a code cache');
    expect(answerOf(3, 0, directory)).toBe(3);
  });
});
