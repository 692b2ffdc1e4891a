import { writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEmbeddedSchemas } from './generation/build-embedded-schemas';
import {
  embeddedSchemasUrl,
  precompiledValidatorsUrl,
  type EmbeddedSchemaDocument,
} from '@platform/validate';
import { serializeSchemaDocument } from './generation/serialize-schema-document';
import { standaloneValidatorsCode } from './generation/standalone-validators';

/** The repository this generator belongs to: tools/schemas/src → three levels up. */
export const repositoryRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** A file of libs/validate, relative to the repository root: where the library reads it from. */
const repositoryPath = (url: URL) =>
  relative(repositoryRoot, fileURLToPath(url)).split(sep).join('/');

/** Where the committed output lives, relative to the repository root. */
export const embeddedSchemasPath = repositoryPath(embeddedSchemasUrl);

/** Where the precompiled validators live, relative to the repository root. */
export const embeddedValidatorsPath = repositoryPath(precompiledValidatorsUrl);

/** Generates the schemas as the committed file's text; writes nothing. */
export async function generateEmbeddedSchemasText(root = repositoryRoot): Promise<string> {
  return serializeSchemaDocument(await buildEmbeddedSchemas(root));
}

/** The precompiled validators' module text for a schema document's text; writes nothing. */
export function generateValidatorsText(schemasText: string): string {
  return standaloneValidatorsCode(JSON.parse(schemasText) as EmbeddedSchemaDocument, schemasText);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const text = await generateEmbeddedSchemasText();
  writeFileSync(join(repositoryRoot, embeddedSchemasPath), text);
  const validators = generateValidatorsText(text);
  writeFileSync(join(repositoryRoot, embeddedValidatorsPath), validators);
  process.stdout.write(
    `wrote ${embeddedSchemasPath} (${text.length} bytes) and ${embeddedValidatorsPath} (${validators.length} bytes) in ${Date.now() - started} ms\n`,
  );
}
