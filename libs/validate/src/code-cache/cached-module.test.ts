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

describe('generated CommonJS run with a V8 code cache', () => {
  it('runs the code with its bindings, and writes one cache entry that later runs use', () => {
    const directory = join(scratch, 'round-trip');
    const first = runCachedModule(code(40), filename, { bonus: 2 }, directory) as {
      answer: () => number;
    };
    expect(first.answer()).toBe(42);
    expect(readdirSync(directory)).toHaveLength(1);
    const again = runCachedModule(code(40), filename, { bonus: 2 }, directory) as {
      answer: () => number;
    };
    expect(again.answer()).toBe(42);
    expect(readdirSync(directory)).toHaveLength(1);
  });

  it('never runs a cache made for other code of the same length', () => {
    const directory = join(scratch, 'same-length');
    runCachedModule(code(40), filename, { bonus: 2 }, directory);
    const changed = runCachedModule(code(50), filename, { bonus: 2 }, directory) as {
      answer: () => number;
    };
    expect(changed.answer()).toBe(52);
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
    const module = runCachedModule(code(1), filename, { bonus: 1 }, join(file, 'cache')) as {
      answer: () => number;
    };
    expect(module.answer()).toBe(2);
    const directory = join(scratch, 'garbage');
    runCachedModule(code(3), filename, { bonus: 0 }, directory);
    const [entry] = readdirSync(directory);
    writeFileSync(join(directory, entry!), 'not a code cache');
    expect(
      (
        runCachedModule(code(3), filename, { bonus: 0 }, directory) as { answer: () => number }
      ).answer(),
    ).toBe(3);
  });
});
