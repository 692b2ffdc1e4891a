import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentKey, freshStamp, writeStamp } from './bundle-stamp.mjs';

let directory: string;
let inputs: string[];
let stamp: string;
let output: string;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'gitops-stamp-'));
  inputs = ['a.ts', 'b.ts'].map((name) => join(directory, name));
  inputs.forEach((file, i) => writeFileSync(file, `export const value = ${i};\n`));
  output = join(directory, 'bundle');
  mkdirSync(output);
  stamp = join(directory, 'stamp.json');
  writeStamp(stamp, 'builder 1', contentKey(inputs, 'builder 1')!, output, inputs);
});

afterEach(() => rmSync(directory, { recursive: true, force: true }));

const later = (file: string) => utimesSync(file, new Date(), new Date(Date.now() + 60_000));

describe('a bundle stamp', () => {
  it('is fresh while its inputs are untouched', () => {
    expect(freshStamp(stamp, 'builder 1')?.output).toBe(output);
  });

  it('is stale once an input says something else', () => {
    writeFileSync(inputs[1]!, 'export const value = 42;\n');
    expect(freshStamp(stamp, 'builder 1')).toBeUndefined();
  });

  it('is stale once an input is gone, or the bundle it names is', () => {
    rmSync(inputs[0]!);
    expect(freshStamp(stamp, 'builder 1')).toBeUndefined();
    writeFileSync(inputs[0]!, 'export const value = 0;\n');
    rmSync(output, { recursive: true });
    expect(freshStamp(stamp, 'builder 1')).toBeUndefined();
  });

  it('stays fresh when an input is touched without a change (a checkout), and remembers the new time', () => {
    later(inputs[0]!);
    expect(freshStamp(stamp, 'builder 1')?.output).toBe(output);
    // The new time is recorded, so the next start compares times only.
    const recorded = JSON.parse(readFileSync(stamp, 'utf8')).inputs[0];
    expect(recorded).toEqual([inputs[0], statSync(inputs[0]!).mtimeMs, statSync(inputs[0]!).size]);
  });

  it('is stale for another builder or another list of entry files', () => {
    expect(freshStamp(stamp, 'builder 2')).toBeUndefined();
  });
});
