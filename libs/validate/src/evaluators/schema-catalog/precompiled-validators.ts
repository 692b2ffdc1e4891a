import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { runCachedModule } from '../caches/cached-module';

/** The committed module `npm run schemas` writes: every embedded schema as compiled ajv code. */
export const precompiledValidatorsUrl = new URL(
  '../../../schemas/embedded-validators.cjs',
  import.meta.url,
);

/** Written with the module: where each validator's code lies in it (`PrecompiledValidatorIndex`). */
export const precompiledValidatorsIndexUrl = new URL(
  '../../../schemas/embedded-validators.index.json',
  import.meta.url,
);

/** The digest the module records of the schema document it was compiled from. */
export function schemaDocumentDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export const precompiledDigestExport = 'schemaDocumentDigest';

/**
 * Which top-level declarations of the precompiled module each validator needs, and where they lie
 * in it. A run loads only the validators of the kinds it meets: a Deployment's are 0.4 MB of the
 * 3.5 MB, and reading, decoding and compiling all of it was a tenth of a second of every run.
 */
export interface PrecompiledValidatorIndex {
  /** Of the schema document text the module was compiled from. */
  schemaDocumentDigest: string;
  /** The size of the module the index was written with: it is used with no other. */
  moduleBytes: number;
  /** Byte ranges `[start, end)` of the module's top-level declarations, in module order. */
  declarations: [number, number][];
  /** By schema key: the function the module exports for it and the declarations it needs, in order. */
  exports: Record<string, { name: string; declarations: number[] }>;
}

/** Precompiled validators by schema key (`apps/v1/Deployment`, `karpenter@1.14.1`). */
export interface PrecompiledValidators {
  validator(key: string): ValidateFunction | undefined;
}

/**
 * The precompiled validators, when the module exists and was compiled from exactly this schema
 * document; otherwise undefined, and the catalog compiles at run time as before (slower, same
 * results). Each is loaded on first use through the index; without a matching index, the whole
 * module is loaded at once.
 */
export function loadPrecompiledValidators(documentText: string): PrecompiledValidators | undefined {
  if (!existsSync(precompiledValidatorsUrl)) return undefined;
  const path = fileURLToPath(precompiledValidatorsUrl);
  const digest = schemaDocumentDigest(documentText);
  const index = readIndex();
  if (index?.schemaDocumentDigest === digest) {
    const slices = new PrecompiledModuleSlices(path, index);
    if (slices.matchesModule()) return slices;
  }
  const module = runCachedModule(readFileSync(path), path) as Record<string, unknown>;
  if (module[precompiledDigestExport] !== digest) return undefined;
  return {
    validator: (key) =>
      Object.hasOwn(module, key) ? (module[key] as ValidateFunction) : undefined,
  };
}

function readIndex(): PrecompiledValidatorIndex | undefined {
  try {
    return JSON.parse(
      readFileSync(precompiledValidatorsIndexUrl, 'utf8'),
    ) as PrecompiledValidatorIndex;
  } catch {
    return undefined;
  }
}

/**
 * Validators loaded one by one from the module: each from the declarations it needs, read where
 * the index says they lie and run as a module of their own (with V8's code cache, like the whole).
 * Definitions two kinds share are loaded once per kind.
 */
export class PrecompiledModuleSlices implements PrecompiledValidators {
  private readonly loaded = new Map<string, ValidateFunction>();
  /** Bytes of the module read so far: what a run over a few kinds saves is measurable. */
  bytesRead = 0;

  constructor(
    private readonly path: string,
    private readonly index: PrecompiledValidatorIndex,
  ) {}

  matchesModule(): boolean {
    const descriptor = openSync(this.path, 'r');
    try {
      return fstatSync(descriptor).size === this.index.moduleBytes;
    } finally {
      closeSync(descriptor);
    }
  }

  validator(key: string): ValidateFunction | undefined {
    if (!Object.hasOwn(this.index.exports, key)) return undefined;
    let validate = this.loaded.get(key);
    if (!validate) {
      validate = runCachedModule(
        this.code(this.index.exports[key]!),
        this.path,
      ) as ValidateFunction;
      this.loaded.set(key, validate);
    }
    return validate;
  }

  /** The declarations, in module order, then the export: a module of its own. */
  private code({ name, declarations }: { name: string; declarations: number[] }): Buffer {
    const ranges = contiguousRanges(declarations.map((index) => this.index.declarations[index]!));
    const prologue = Buffer.from('"use strict";\n');
    const epilogue = Buffer.from(`\nmodule.exports = ${name};\n`);
    const length = ranges.reduce((sum, [start, end]) => sum + end - start + 1, 0);
    const code = Buffer.allocUnsafe(prologue.length + length + epilogue.length);
    let offset = prologue.copy(code, 0);
    const descriptor = openSync(this.path, 'r');
    try {
      for (const [start, end] of ranges) {
        if (readSync(descriptor, code, offset, end - start, start) !== end - start)
          throw new Error(`${this.path}: shorter than its index says (run \`npm run schemas\`)`);
        offset += end - start;
        code[offset++] = 0x0a;
      }
    } finally {
      closeSync(descriptor);
    }
    epilogue.copy(code, offset);
    this.bytesRead += length;
    return code;
  }
}

/** Declarations that follow each other in the module, read as one range. */
function contiguousRanges(ranges: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged.at(-1);
    if (last && last[1] === start) last[1] = end;
    else merged.push([start, end]);
  }
  return merged;
}
