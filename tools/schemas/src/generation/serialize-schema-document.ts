import type { EmbeddedSchemaDocument } from '@platform/validate';

/**
 * Stable text for the committed file: small sections indented, then one definition per line, so a
 * model upgrade shows up in review as the definitions that changed and the file stays compact.
 */
export function serializeSchemaDocument(document: EmbeddedSchemaDocument): string {
  const { definitions, ...head } = document;
  const headText = JSON.stringify(head, null, 2);
  const definitionLines = Object.entries(definitions).map(
    ([name, schema]) => `    ${JSON.stringify(name)}: ${JSON.stringify(schema)}`,
  );
  return `${headText.slice(0, -2)},\n  "definitions": {\n${definitionLines.join(',\n')}\n  }\n}\n`;
}
