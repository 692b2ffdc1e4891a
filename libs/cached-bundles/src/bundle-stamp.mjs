// @ts-check
// Plain JavaScript: the CLI's launcher (tools/gitops/bin/gitops.mjs) uses this before any TypeScript
// can be loaded.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';

/**
 * What a bundle was built from: the key (a hash of every input's bytes) and, per input, the
 * modification time and size seen then. A start compares times and sizes only (a few ms for
 * hundreds of files); when they differ (an edit, a checkout) the bytes decide, so touching a file
 * without changing it never costs a rebuild.
 *
 * `salt` names everything else that decides the output (the builder's version, the list of entry
 * files): a different salt is a different bundle, whatever the inputs' times say.
 *
 * @typedef {{ salt: string, key: string, output: string, inputs: [string, number, number][] }} BundleStamp
 */

/**
 * The hash of the given files' bytes (and of `salt`: the builder's own version and options).
 * Undefined when a file is missing.
 * @param {string[]} files absolute paths
 * @param {string} salt
 * @returns {string | undefined}
 */
export function contentKey(files, salt) {
  const hash = createHash('sha256').update(salt);
  for (const file of [...files].sort()) {
    let bytes;
    try {
      bytes = readFileSync(file);
    } catch {
      return undefined;
    }
    hash.update(`\0${file}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex').slice(0, 20);
}

/**
 * The stamp at `path` if the bundle it names is still what its inputs would build.
 * @param {string} path
 * @param {string} salt
 * @returns {BundleStamp | undefined}
 */
export function freshStamp(path, salt) {
  /** @type {BundleStamp} */
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  if (stamp.salt !== saltKey(salt) || !existsSync(stamp.output)) return undefined;
  if (stamp.inputs.every(([file, mtimeMs, size]) => sameFileState(file, mtimeMs, size))) {
    return stamp;
  }
  const files = stamp.inputs.map(([file]) => file);
  if (contentKey(files, salt) !== stamp.key) return undefined;
  // Same bytes, new times (a checkout or a touch): remember the times so the next start is cheap.
  writeStamp(path, salt, stamp.key, stamp.output, files);
  return stamp;
}

/**
 * Records what `output` was built from, atomically (parallel builds each write a whole stamp).
 * @param {string} path
 * @param {string} salt
 * @param {string} key
 * @param {string} output
 * @param {string[]} files
 */
export function writeStamp(path, salt, key, output, files) {
  /** @type {BundleStamp} */
  const stamp = {
    salt: saltKey(salt),
    key,
    output,
    inputs: files.map((file) => {
      const { mtimeMs, size } = statSync(file);
      return [file, mtimeMs, size];
    }),
  };
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(stamp));
  renameSync(temporary, path);
}

/**
 * @param {string} file
 * @param {number} mtimeMs
 * @param {number} size
 */
function sameFileState(file, mtimeMs, size) {
  try {
    const state = statSync(file);
    return state.mtimeMs === mtimeMs && state.size === size;
  } catch {
    return false;
  }
}

/**
 * Moves a freshly built bundle directory to its place, named after its inputs' key. A parallel
 * run (Nx renders two apps at once) may have built the same inputs and got there first: its bundle
 * is the same, so this one is dropped.
 * @param {string} building
 * @param {string} output
 */
export function installBundle(building, output) {
  try {
    renameSync(building, output);
  } catch (error) {
    if (!existsSync(output)) throw error;
    rmSync(building, { recursive: true, force: true });
  }
}

/** @param {string} salt */
const saltKey = (salt) => createHash('sha256').update(salt).digest('hex').slice(0, 20);
