import { readFileSync } from 'node:fs';
import type { EmbeddedSchemaDocument } from '../../checks/schema-model/schema-set';

/** The committed file the generator in tools/schemas writes. */
export const embeddedSchemasUrl = new URL(
  '../../../schemas/embedded-schemas.json',
  import.meta.url,
);

let loadedText: string | undefined;
let loaded: EmbeddedSchemaDocument | undefined;

/** The committed file's text, read once: the precompiled validators are checked against its digest. */
export function loadEmbeddedSchemasText(): string {
  loadedText ??= readFileSync(embeddedSchemasUrl, 'utf8');
  return loadedText;
}

/** Read on first use, so commands that never validate do not pay for parsing it. */
export function loadEmbeddedSchemas(): EmbeddedSchemaDocument {
  loaded ??= JSON.parse(loadEmbeddedSchemasText()) as EmbeddedSchemaDocument;
  return loaded;
}
