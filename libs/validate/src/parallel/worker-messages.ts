import type { SkippedKind } from '../config/skipped-kinds';
import type { CrdVersionSchema } from '../crd/crd-schema-set';
import type { FileValidation } from '../engine/file-validation';
import type { DiskFile } from './disk-file';

/** The first message to a validation worker: what every file is validated against. */
export interface WorkerSetup {
  type: 'setup';
  skippedKinds: readonly SkippedKind[];
  otherCrdVersions: CrdVersionSchema[];
}

/** A run of consecutive files to validate; `index` orders the results. */
export interface WorkerChunk {
  type: 'chunk';
  index: number;
  files: DiskFile[];
}

export type WorkerRequest = WorkerSetup | WorkerChunk;

export type WorkerReply =
  | { type: 'validated'; index: number; validations: FileValidation[] }
  | { type: 'failed'; index: number; message: string };
