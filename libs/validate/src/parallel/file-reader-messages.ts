import type { ManifestText } from '@platform/manifests';

/** What the file reader thread is started with. */
export interface ReaderSetup {
  paths: readonly string[];
  batchSize: number;
  batchesAhead: number;
  /** The reader parses a batch when at least this many batches are waiting to be taken. */
  parseWhenAhead: number;
  /** One Int32: how many batches the taking thread has taken. */
  consumed: SharedArrayBuffer;
}

/**
 * A batch of consecutive files, read (and parsed when the reader had time: `texts`); or the
 * reason the next file could not be read.
 */
export type ReaderBatch = { contents: string[]; texts?: ManifestText[] } | { failed: string };
