// The entry of a validation worker thread (bundled by worker-bundle.ts): validates the chunks of
// files it is sent, reading each file itself, and sends back what validation keeps of them.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { parseManifestFile } from '@platform/manifests';
import { validateFile } from '../engine/file-validation';
import type { ValidationContext } from '../engine/validation-context';
import { initialContext } from '../engine/validation-inputs';
import { embeddedSchemaCatalog } from '../schemas/schema-catalog';
import type { WorkerChunk, WorkerReply, WorkerRequest } from './worker-messages';

let context: ValidationContext | undefined;

// Loaded now, while the main thread prepares the setup (it reads the CRDs), rather than after it.
embeddedSchemaCatalog();

parentPort!.on('message', (request: WorkerRequest) => {
  if (request.type === 'setup') {
    context = initialContext({
      baseCatalog: embeddedSchemaCatalog,
      skippedKinds: request.skippedKinds,
      otherCrdVersions: request.otherCrdVersions,
    });
    return;
  }
  parentPort!.postMessage(validateChunk(request, context!));
});

function validateChunk(chunk: WorkerChunk, context: ValidationContext): WorkerReply {
  try {
    const validations = chunk.files.map(({ path, absolute }) => {
      const file = { path, content: readFileSync(absolute, 'utf8') };
      // Parsed without the shared cache: nothing else in this thread reads the file again.
      return validateFile(file, parseManifestFile(file.path, file.content), context);
    });
    return { type: 'validated', index: chunk.index, validations };
  } catch (error) {
    return { type: 'failed', index: chunk.index, message: (error as Error).message };
  }
}
