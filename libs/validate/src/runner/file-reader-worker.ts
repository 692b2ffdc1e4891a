// The entry of the file reader thread (bundled by worker-bundle.ts): loads, waits for the files
// the other thread lists meanwhile, then reads them in order and sends them in batches, never
// more than `batchesAhead` batches ahead of the thread that takes them. It parses them too (the
// values only; positions stay with the thread that reports), except a batch that thread is idle
// waiting for: whichever thread has time parses.
import { readFileSync } from 'node:fs';
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import { readManifestText } from '@platform/manifests';
import {
  filesSlot,
  postedSlot,
  sentText,
  takenSlot,
  waitingSlot,
  type ReaderBatch,
  type ReaderFiles,
  type ReaderStart,
} from './file-reader-messages';

const { port, counts: shared } = workerData as ReaderStart;
const counts = new Int32Array(shared);

/** The files, once the other thread has listed them (it started this thread first). */
function filesToRead(): ReaderFiles {
  for (;;) {
    const received = receiveMessageOnPort(port);
    if (received) return received.message as ReaderFiles;
    Atomics.wait(counts, filesSlot, 0, 100);
  }
}

const { paths, batchSize, batchesAhead } = filesToRead();

function readBatch(batch: readonly string[], parse: boolean): ReaderBatch {
  const contents: string[] = [];
  try {
    for (const path of batch) contents.push(readFileSync(path, 'utf8'));
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
  // Parsed here unless the other thread is idle, waiting for this batch: then it parses it.
  const taking = Atomics.load(counts, waitingSlot) === 1;
  const batch = readBatch(paths.slice(start, start + batchSize), !taking);
  port.postMessage(batch);
  sent += 1;
  Atomics.store(counts, postedSlot, sent);
  Atomics.notify(counts, postedSlot);
  if ('failed' in batch) break;
}
