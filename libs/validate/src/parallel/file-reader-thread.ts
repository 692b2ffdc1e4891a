import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';
import type { ManifestText } from '@platform/manifests';
import {
  postedSlot,
  receivedText,
  takenSlot,
  waitingSlot,
  type ReaderBatch,
  type ReaderSetup,
} from './file-reader-messages';

/**
 * Reading a file is a handful of system calls that, on the 2-core development VM, cost about as
 * much as parsing it (36 µs a file: 1.5 s of the 4.3 s that 50,000 files took), and two threads
 * reading at once are slower than one. So one thread reads all the files ahead of the thread that
 * validates (file-reader-worker.ts), and parses what it reads unless that thread is waiting for it
 * (which then parses the batch itself): receiving parsed values (as JSON, see
 * file-reader-messages.ts) costs the validating thread a sixth of parsing them itself.
 */
export interface ReadAhead {
  batchSize: number;
  /** The most batches read and not yet taken: about 4,000 files, 3 MB of text, by default. */
  batchesAhead: number;
}

const defaultReadAhead: ReadAhead = { batchSize: 64, batchesAhead: 64 };

/** A file as the reader thread sends it: its text, and what the text parses to if it parsed it. */
export interface ReadFile {
  content: string;
  text?: ManifestText;
}

/**
 * The files, in order and in batches, read and parsed by the bundled reader thread `bundle`. A
 * file that cannot be read ends the iteration with the error `readFileSync` would have thrown.
 *
 * Batches are pulled from the reader's port one at a time, when this thread wants the next one:
 * those waiting stay serialized outside this thread's heap. (Delivered as 'message' events, every
 * waiting batch was deserialized at once whenever this thread yielded, thousands of parsed files
 * that then outlived young-generation collections and were copied into the old generation.)
 */
export async function* readInOrder(
  bundle: string,
  paths: readonly string[],
  readAhead: ReadAhead = defaultReadAhead,
): AsyncGenerator<ReadFile[]> {
  const counts = new Int32Array(new SharedArrayBuffer(12));
  const { port1, port2 } = new MessageChannel();
  const setup: ReaderSetup = { paths, ...readAhead, port: port2, counts: counts.buffer };
  const worker = new Worker(bundle, { workerData: setup, transferList: [port2] });
  const stopped = whenStopped(worker);
  // The caller goes on (loading its validators) while the thread starts; waiting starts later.
  await Promise.resolve();
  try {
    let delivered = 0;
    while (delivered < paths.length) {
      const batch = await nextBatch(port1, counts, stopped);
      if ('failed' in batch) throw new Error(batch.failed);
      Atomics.add(counts, takenSlot, 1);
      Atomics.notify(counts, takenSlot);
      delivered += batch.contents.length;
      const texts = batch.texts;
      yield batch.contents.map((content, index) => ({
        content,
        text: texts ? receivedText(texts[index]!) : undefined,
      }));
    }
  } finally {
    port1.close();
    void worker.terminate();
  }
}

/** Why the reader thread stopped, once it has: it is never expected to before the last batch. */
function whenStopped(worker: Worker): { reason?: Error } {
  const stopped: { reason?: Error } = {};
  worker.on('error', (error) => (stopped.reason ??= error));
  worker.on('exit', () => {
    stopped.reason ??= new Error('the file reader thread stopped before reading every file');
  });
  return stopped;
}

/**
 * The next batch the reader posted. Waits for it blocking (this thread has nothing else to do),
 * in slices, between which the event loop runs so that the reader's failure can be noticed.
 */
async function nextBatch(
  port: MessagePort,
  counts: Int32Array,
  stopped: { reason?: Error },
): Promise<ReaderBatch> {
  for (;;) {
    const posted = Atomics.load(counts, postedSlot);
    const received = receiveMessageOnPort(port);
    if (received) return received.message as ReaderBatch;
    if (stopped.reason) throw stopped.reason;
    Atomics.store(counts, waitingSlot, 1);
    const waited = Atomics.wait(counts, postedSlot, posted, 50);
    Atomics.store(counts, waitingSlot, 0);
    if (waited === 'timed-out') await new Promise((resolve) => setImmediate(resolve));
  }
}
