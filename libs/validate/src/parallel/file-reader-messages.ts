import type { ManifestText } from '@platform/manifests';
import type { ReadAhead } from './file-reader-thread';

/** What the file reader thread is started with. */
export interface ReaderSetup extends ReadAhead {
  paths: readonly string[];
  /** One Int32: how many batches the taking thread has taken. */
  consumed: SharedArrayBuffer;
}

/**
 * A batch of consecutive files, read (and parsed when the reader had time: `texts`); or the
 * reason the next file could not be read.
 */
export type ReaderBatch = { contents: string[]; texts?: ManifestText[] } | { failed: string };
