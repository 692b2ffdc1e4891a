import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';
import type { ManifestText } from '@platform/manifests';
import {
  filesSlot,
  postedSlot,
  receivedText,
  takenSlot,
  waitingSlot,
  type ReadAhead,
  type ReaderBatch,
  type ReaderFiles,
  type ReaderStart,
  type SentText,
} from './file-reader-messages';

/**
 * Reading a file is a handful of system calls that, on the 2-core development VM, cost about as
 * much as parsing it (36 µs a file: 1.5 s of the 4.3 s that 50,000 files took), and two threads
 * reading at once are slower than one. So one thread reads all the files ahead of the thread that
 * validates (file-reader-worker.ts), and parses what it reads unless that thread is waiting for it
 * (which then parses the batch itself): receiving parsed values (as JSON, see
 * file-reader-messages.ts) costs the validating thread a sixth of parsing them itself.
 */
const defaultReadAhead: ReadAhead = { batchSize: 64, batchesAhead: 64 };

/**
 * A file as the reader thread sends it: its text, and what the text parses to if the reader parsed
 * it, decoded when asked for. (Decoded a batch at a time, the values of the files not yet validated
 * outlived young-generation collections, which copied them.)
 */
export class ReadFile {
  constructor(
    readonly content: string,
    private readonly sent?: SentText,
  ) {}

  text(): ManifestText | undefined {
    return this.sent === undefined ? undefined : receivedText(this.sent);
  }
}

/**
 * The bundled reader thread `bundle`, started before its files are known: it loads (a tenth of a
 * second) while this thread lists them. `read` then gives them in order, in batches; `close`
 * stops it, read or not. Unreferenced: it never keeps the process alive.
 *
 * Batches are pulled from the reader's port one at a time, when this thread wants the next one:
 * those waiting stay serialized outside this thread's heap. (Delivered as 'message' events, every
 * waiting batch was deserialized at once whenever this thread yielded, thousands of parsed files
 * that then outlived young-generation collections and were copied into the old generation.)
 */
export class FileReader {
  private readonly counts = new Int32Array(new SharedArrayBuffer(16));
  private readonly port: MessagePort;
  private readonly worker: Worker;
  private readonly stopped: { reason?: Error };

  constructor(bundle: string) {
    const { port1, port2 } = new MessageChannel();
    const start: ReaderStart = { port: port2, counts: this.counts.buffer as SharedArrayBuffer };
    this.port = port1;
    this.worker = new Worker(bundle, { workerData: start, transferList: [port2] });
    this.worker.unref();
    this.stopped = whenStopped(this.worker);
  }

  /**
   * The files, in order and in batches. A file that cannot be read ends the iteration with the
   * error `readFileSync` would have thrown. Once per reader; the reader is closed at the end.
   */
  async *read(
    paths: readonly string[],
    readAhead: ReadAhead = defaultReadAhead,
  ): AsyncGenerator<ReadFile[]> {
    const files: ReaderFiles = { paths, ...readAhead };
    this.port.postMessage(files);
    Atomics.store(this.counts, filesSlot, 1);
    Atomics.notify(this.counts, filesSlot);
    // The caller goes on (loading its validators) while the thread reads; waiting starts later.
    await Promise.resolve();
    try {
      let delivered = 0;
      while (delivered < paths.length) {
        const batch = await nextBatch(this.port, this.counts, this.stopped);
        if ('failed' in batch) throw new Error(batch.failed);
        Atomics.add(this.counts, takenSlot, 1);
        Atomics.notify(this.counts, takenSlot);
        delivered += batch.contents.length;
        const texts = batch.texts;
        yield batch.contents.map((content, index) => new ReadFile(content, texts?.[index]));
      }
    } finally {
      this.close();
    }
  }

  close(): void {
    this.port.close();
    void this.worker.terminate();
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
