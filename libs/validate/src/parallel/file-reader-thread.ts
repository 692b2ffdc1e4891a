import { Worker } from 'node:worker_threads';
import type { ManifestText } from '@platform/manifests';
import type { ReaderBatch, ReaderSetup } from './file-reader-messages';

/**
 * Reading a file is a handful of system calls that, on the 2-core development VM, cost about as
 * much as parsing it (36 µs a file: 1.5 s of the 4.3 s that 50,000 files took), and two threads
 * reading at once are slower than one. So one thread reads all the files ahead of the thread that
 * validates (file-reader-worker.ts), and parses those it reads while it is ahead: receiving parsed
 * values costs the validating thread about a third of parsing them itself.
 */
export interface ReadAhead {
  batchSize: number;
  /** The most batches read and not yet taken: about 4,000 files, 3 MB of text, by default. */
  batchesAhead: number;
  /** The reader parses a batch when at least this many batches are waiting to be taken. */
  parseWhenAhead: number;
}

const defaultReadAhead: ReadAhead = { batchSize: 64, batchesAhead: 64, parseWhenAhead: 2 };

/** A file as the reader thread sends it: its text, and what the text parses to if it parsed it. */
export interface ReadFile {
  content: string;
  text?: ManifestText;
}

/**
 * The files, in order and in batches, read and parsed by the bundled reader thread `bundle`. A
 * file that cannot be read ends the iteration with the error `readFileSync` would have thrown.
 */
export async function* readInOrder(
  bundle: string,
  paths: readonly string[],
  readAhead: ReadAhead = defaultReadAhead,
): AsyncGenerator<ReadFile[]> {
  const consumed = new SharedArrayBuffer(4);
  const taken = new Int32Array(consumed);
  const setup: ReaderSetup = { paths, ...readAhead, consumed };
  const worker = new Worker(bundle, { workerData: setup });
  const inbox = new BatchInbox(worker);
  try {
    let delivered = 0;
    while (delivered < paths.length) {
      const { contents, texts } = await inbox.next();
      Atomics.add(taken, 0, 1);
      Atomics.notify(taken, 0);
      delivered += contents.length;
      yield contents.map((content, index) => ({ content, text: texts?.[index] }));
    }
  } finally {
    void worker.terminate();
  }
}

type ReadBatch = Extract<ReaderBatch, { contents: string[] }>;

/** The reader's batches as they arrive, handed out one `next()` at a time. */
class BatchInbox {
  private readonly arrived: ReadBatch[] = [];
  private failure: Error | undefined;
  private waiting: (() => void) | undefined;

  constructor(worker: Worker) {
    worker.on('message', (batch: ReaderBatch) => {
      if ('failed' in batch) this.failure = new Error(batch.failed);
      else this.arrived.push(batch);
      this.wake();
    });
    worker.on('error', (error) => {
      this.failure = error;
      this.wake();
    });
    worker.on('exit', () => {
      this.failure ??= new Error('the file reader thread stopped before reading every file');
      this.wake();
    });
  }

  async next(): Promise<ReadBatch> {
    while (this.arrived.length === 0) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
    return this.arrived.shift()!;
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.();
  }
}
