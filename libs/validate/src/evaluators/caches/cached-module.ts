import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { codeCacheDirectory, writeEntry } from './code-cache-directory';

/**
 * Runs generated CommonJS code (ajv's standalone validators) as a module, with V8's code cache
 * for it kept under node_modules/.cache/gitops-v8-code: compiling all 3.5 MB of the precompiled
 * validators took 70 ms at every start, loading them with their cache 30 ms. (Node 20 has no
 * compile cache of its own.) An entry is named by the digest of the code, because V8 itself only
 * checks the length of the source it is given; a cache V8 rejects (another Node) is replaced.
 *
 * `bindings` are extra names the code refers to, given as parameters of its module function.
 */
export function runCachedModule(
  code: string | Buffer,
  filename: string,
  bindings: Record<string, unknown> = {},
  directory = codeCacheDirectory('gitops-v8-code'),
): unknown {
  const names = Object.keys(bindings);
  const header = `(function (exports, require, module, ${names.join(', ')}) {`;
  const source = `${header}${code.toString()}\n})`;
  // The file's bytes, when given, are hashed as they are: hashing the 3.5 MB string took 18 ms
  // (encoding it again), the bytes 3 ms.
  const digest = createHash('sha256').update(process.version).update('\0').update(header);
  const cachePath = join(directory, `${digest.update(code).digest('hex').slice(0, 40)}.bin`);
  const cachedData = readCache(cachePath);
  const script = new Script(source, { filename, cachedData });
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, createRequire(filename), module, ...names.map((name) => bindings[name]));
  if (!cachedData || script.cachedDataRejected) writeCache(cachePath, script);
  return module.exports;
}

function readCache(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** After the first run, so the functions that ran are in the cache too; a failure only costs time. */
function writeCache(path: string, script: Script): void {
  try {
    writeEntry(path, script.createCachedData());
  } catch {
    // Not writable (read-only checkout, full disk): compiled again next time, same results.
  }
}
