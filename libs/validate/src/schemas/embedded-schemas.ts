import { readFileSync } from 'node:fs';
import type { EmbeddedSchemaDocument } from './schema-set';

/** The committed file the generator in tools/schemas writes. */
export const embeddedSchemasUrl = new URL('../../schemas/embedded-schemas.json', import.meta.url);

let loaded: EmbeddedSchemaDocument | undefined;

/** Read on first use, so commands that never validate do not pay for parsing it. */
export function loadEmbeddedSchemas(): EmbeddedSchemaDocument {
  loaded ??= JSON.parse(readFileSync(embeddedSchemasUrl, 'utf8')) as EmbeddedSchemaDocument;
  return loaded;
}
