import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { runCachedModule } from '../caches/cached-module';

/** The committed module `npm run schemas` writes: every embedded schema as compiled ajv code. */
export const precompiledValidatorsUrl = new URL(
  '../../../schemas/embedded-validators.cjs',
  import.meta.url,
);

/** The digest the module records of the schema document it was compiled from. */
export function schemaDocumentDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export const precompiledDigestExport = 'schemaDocumentDigest';

/** Precompiled validators by schema key (`apps/v1/Deployment`, `karpenter@1.14.1`). */
export interface PrecompiledValidators {
  validator(key: string): ValidateFunction | undefined;
}

/**
 * The precompiled validators, when the module exists and was compiled from exactly this schema
 * document; otherwise undefined, and the catalog compiles at run time as before (slower, same
 * results). The module runs with V8's code cache (cached-module.ts).
 */
export function loadPrecompiledValidators(documentText: string): PrecompiledValidators | undefined {
  if (!existsSync(precompiledValidatorsUrl)) return undefined;
  const path = fileURLToPath(precompiledValidatorsUrl);
  const module = runCachedModule(readFileSync(path), path) as Record<string, unknown>;
  if (module[precompiledDigestExport] !== schemaDocumentDigest(documentText)) return undefined;
  return {
    validator: (key) =>
      Object.hasOwn(module, key) ? (module[key] as ValidateFunction) : undefined,
  };
}
