import type { MessagePort } from 'node:worker_threads';
import type { ManifestText } from '@platform/manifests';

/** What the file reader thread is started with, before its files are known. */
export interface ReaderStart {
  /** Where the reader is told its files, and posts its batches (pulled one at a time). */
  port: MessagePort;
  /** Four Int32s: at `takenSlot`, `postedSlot`, `waitingSlot` and `filesSlot`. */
  counts: SharedArrayBuffer;
}

/** How far the reader reads ahead of the thread that takes the files (file-reader-thread.ts). */
export interface ReadAhead {
  batchSize: number;
  /** The most batches read and not yet taken: about 4,000 files, 3 MB of text, by default. */
  batchesAhead: number;
}

/** The files to read, sent once the taking thread has listed them. */
export interface ReaderFiles extends ReadAhead {
  paths: readonly string[];
}

/** Batches the taking thread has taken: the reader waits while it is far behind. */
export const takenSlot = 0;
/** Batches the reader has posted: the taking thread waits while it has taken them all. */
export const postedSlot = 1;
/** 1 while the taking thread waits for a batch: the reader then sends the next one unparsed. */
export const waitingSlot = 2;
/** 1 once the files are sent: the reader waits for them after it has loaded. */
export const filesSlot = 3;

/**
 * A batch of consecutive files, read (and parsed when the reader had time: `texts`); or the
 * reason the next file could not be read.
 */
export type ReaderBatch = { contents: string[]; texts?: SentText[] } | { failed: string };

/**
 * A parsed text as the reader sends it: as JSON when JSON carries its values exactly, which the
 * taking thread reads back in half the time structured cloning takes (and allocates only when it
 * takes the file); otherwise (aliases, whose shared nodes JSON would copy; NaN, infinities, -0)
 * as it is.
 */
export type SentText = ManifestText | string;

export function sentText(text: ManifestText): SentText {
  return text.usesAliases || text.numbersBeyondJson ? text : JSON.stringify(text);
}

export function receivedText(sent: SentText): ManifestText {
  return typeof sent === 'string' ? (JSON.parse(sent) as ManifestText) : sent;
}
