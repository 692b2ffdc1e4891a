// The entry of the file reader thread (bundled by worker-bundle.ts): reads the files it is given,
// in order, and sends them in batches, never more than `batchesAhead` batches ahead of the thread
// that takes them. While it is ahead, it parses them too (the values only; positions stay with
// the thread that reports): whichever thread has time parses, so neither waits for the other.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { readManifestText } from '@platform/manifests';
import {
  postedSlot,
  sentText,
  takenSlot,
  type ReaderBatch,
  type ReaderSetup,
} from './file-reader-messages';

const {
  paths,
  batchSize,
  batchesAhead,
  parseWhenAhead,
  port,
  counts: shared,
} = workerData as ReaderSetup;
const counts = new Int32Array(shared);

/**
 * One buffer for every file that fits: reading into memory already touched costs fewer page
 * faults than a new buffer per file, and page faults wait on the validating thread's garbage
 * collector. A file that fills it is read again whole.
 */
const buffer = Buffer.allocUnsafeSlow(256 * 1024);

function readText(path: string): string {
  const fd = openSync(path, 'r');
  try {
    for (let length = 0; length < buffer.length; ) {
      const wanted = buffer.length - length;
      const read = readSync(fd, buffer, length, wanted, null);
      length += read;
      // A regular file (all the listing yields) reads short only at its end: no call to find it.
      if (read < wanted) return buffer.toString('utf8', 0, length);
    }
  } finally {
    closeSync(fd);
  }
  return readFileSync(path, 'utf8');
}

function readBatch(batch: readonly string[], parse: boolean): ReaderBatch {
  const contents: string[] = [];
  try {
    for (const path of batch) contents.push(readText(path));
  } catch (error) {
    return { failed: (error as Error).message };
  }
  if (!parse) return { contents };
  return { contents, texts: contents.map((content) => sentText(readManifestText(content))) };
}

let sent = 0;
for (let start = 0; start < paths.length; start += batchSize) {
  // Waits while the taking thread is `batchesAhead` batches behind (a timeout, not a spin).
  for (
    let seen = Atomics.load(counts, takenSlot);
    sent - seen >= batchesAhead;
    seen = Atomics.load(counts, takenSlot)
  )
    Atomics.wait(counts, takenSlot, seen, 100);
  const ahead = sent - Atomics.load(counts, takenSlot);
  const batch = readBatch(paths.slice(start, start + batchSize), ahead >= parseWhenAhead);
  port.postMessage(batch);
  sent += 1;
  Atomics.store(counts, postedSlot, sent);
  Atomics.notify(counts, postedSlot);
  if ('failed' in batch) break;
}
