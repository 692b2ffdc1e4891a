import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { FileValidation } from '../engine/file-validation';
import type { DiskFile } from './disk-file';
import type { WorkerChunk, WorkerReply, WorkerSetup } from './worker-messages';

/**
 * A worker keeps about 40 MB live (compiled validators, schemas); left alone, V8 lets garbage
 * grow its heap to several times that before collecting. These limits make it collect sooner, so
 * two workers and the main thread stay well under 400 MB. A file too large for them (its values
 * outgrow the limit) stops its worker, and that worker's files are validated on the main thread.
 */
const workerMemoryLimits: ResourceLimits = {
  maxYoungGenerationSizeMb: 8,
  maxOldGenerationSizeMb: 128,
};

/** Validates files on the main thread: for the files of a worker that stopped. */
export type ValidateHere = (files: readonly DiskFile[]) => FileValidation[];

/** Worker threads validating files, started before their setup is known so both overlap. */
export interface ValidationWorkerPool {
  /** Validates the files in chunks across the workers; results in file order. Stops the workers. */
  validate(
    setup: WorkerSetup,
    files: readonly DiskFile[],
    validateHere: ValidateHere,
  ): Promise<FileValidation[]>;
}

export interface WorkerPoolOptions {
  /**
   * The main thread validates chunks too, between handing them out (the default): it is warm
   * while each worker still loads (0.2-0.3 s), so on two cores one worker and the main thread
   * beat two workers. Off, it only hands out chunks and collects results.
   */
  validateOnMainThread?: boolean;
}

/** Starts `workers` worker threads now, so they load while the caller prepares their setup. */
export function startValidationWorkerPool(
  bundle: string,
  workers: number,
  { validateOnMainThread = true }: WorkerPoolOptions = {},
): ValidationWorkerPool {
  const started = Array.from(
    { length: workers },
    () => new Worker(bundle, { resourceLimits: workerMemoryLimits }),
  );
  return {
    validate: (setup, files, validateHere) =>
      new ChunkRun(started, chunksOf(files, workers + 1), validateHere).run(
        setup,
        validateOnMainThread,
      ),
  };
}

/**
 * Small chunks handed out as workers finish keep every core busy to the end (files differ in
 * size); each result is stored at its chunk's index, so the order never depends on timing.
 */
class ChunkRun {
  private readonly results: FileValidation[][];
  private readonly inFlight = new Map<Worker, Set<number>>();
  private sent = 0;
  private received = 0;
  private settle:
    | { resolve: (v: FileValidation[]) => void; reject: (e: Error) => void }
    | undefined;

  constructor(
    private readonly workers: Worker[],
    private readonly chunks: WorkerChunk[],
    private readonly validateHere: ValidateHere,
  ) {
    this.results = new Array<FileValidation[]>(chunks.length);
  }

  run(setup: WorkerSetup, validateOnMainThread: boolean): Promise<FileValidation[]> {
    const done = new Promise<FileValidation[]>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    for (const worker of this.workers) {
      this.inFlight.set(worker, new Set());
      worker.on('message', (reply: WorkerReply) => this.onReply(worker, reply));
      // 'error' (out of memory, a crash) is followed by 'exit'; either way its chunks are lost.
      worker.on('exit', () => this.onWorkerStopped(worker));
      worker.on('error', () => this.onWorkerStopped(worker));
      worker.postMessage(setup);
      // Two chunks in flight: a worker never waits for its next one.
      this.sendNext(worker);
      this.sendNext(worker);
    }
    this.finishIfDone();
    if (validateOnMainThread) void this.validateOnMainThread();
    return done;
  }

  /** Takes chunks from the same queue as the workers, yielding after each so their replies get in. */
  private async validateOnMainThread(): Promise<void> {
    while (this.settle && this.sent < this.chunks.length) {
      const index = this.sent++;
      try {
        this.store(index, this.validateHere(this.chunks[index]!.files));
      } catch (error) {
        return this.stop(error as Error);
      }
      this.finishIfDone();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private sendNext(worker: Worker): void {
    if (this.sent >= this.chunks.length) return;
    this.inFlight.get(worker)!.add(this.sent);
    worker.postMessage(this.chunks[this.sent++]);
  }

  private onReply(worker: Worker, reply: WorkerReply): void {
    if (!this.settle) return;
    this.inFlight.get(worker)?.delete(reply.index);
    // A file that cannot be read (or a check that throws) fails the run, as it would here.
    if (reply.type === 'failed') return this.stop(new Error(reply.message));
    this.store(reply.index, reply.validations);
    this.sendNext(worker);
    this.finishIfDone();
  }

  /** A worker that stopped (out of memory, or crashed): its chunks are validated here. */
  private onWorkerStopped(worker: Worker): void {
    const orphans = this.inFlight.get(worker);
    if (!this.settle || !orphans) return;
    this.inFlight.delete(worker);
    try {
      for (const index of orphans) this.store(index, this.validateHere(this.chunks[index]!.files));
      // No worker left: the rest is validated here too.
      while (this.inFlight.size === 0 && this.sent < this.chunks.length) {
        const index = this.sent++;
        this.store(index, this.validateHere(this.chunks[index]!.files));
      }
    } catch (error) {
      return this.stop(error as Error);
    }
    this.finishIfDone();
  }

  private store(index: number, validations: FileValidation[]): void {
    this.results[index] = validations;
    this.received += 1;
  }

  private finishIfDone(): void {
    if (this.received === this.chunks.length) this.stop();
  }

  private stop(error?: Error): void {
    for (const worker of this.workers) void worker.terminate();
    const settle = this.settle;
    this.settle = undefined;
    if (!settle) return;
    if (error) settle.reject(error);
    else settle.resolve(this.results.flat());
  }
}

function chunksOf(files: readonly DiskFile[], threads: number): WorkerChunk[] {
  const size = Math.max(16, Math.min(100, Math.ceil(files.length / (threads * 16))));
  const chunks: WorkerChunk[] = [];
  for (let start = 0; start < files.length; start += size)
    chunks.push({ type: 'chunk', index: chunks.length, files: files.slice(start, start + size) });
  return chunks;
}
