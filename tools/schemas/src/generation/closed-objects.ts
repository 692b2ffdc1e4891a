import { forEachSubschema, type JsonSchema } from '@platform/validate';

/** Names of definitions that contain an object with declared properties that is not closed. */
export function definitionsWithOpenObjects(definitions: Record<string, JsonSchema>): string[] {
  const open: string[] = [];
  for (const [name, definition] of Object.entries(definitions)) {
    forEachSubschema(definition, (node) => {
      const properties = node.properties as Record<string, unknown> | undefined;
      if (properties && Object.keys(properties).length > 0 && node.additionalProperties !== false)
        open.push(name);
    });
  }
  return [...new Set(open)];
}
