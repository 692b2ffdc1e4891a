import type { JsonSchema } from './schema-set';
import { forEachSubschema, localDefinitionName } from './schema-walk';

/** The definitions reachable from the roots by `$ref`, sorted by name so the output is stable. */
export function reachableDefinitions(
  definitions: Record<string, JsonSchema>,
  roots: Iterable<string>,
): Record<string, JsonSchema> {
  const reached = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (reached.has(name)) continue;
    const definition = definitions[name];
    if (!definition) throw new Error(`definition ${name} is referenced but was not generated`);
    reached.add(name);
    forEachSubschema(definition, (node) => {
      const target = localDefinitionName(node.$ref);
      if (target && !reached.has(target)) pending.push(target);
    });
  }
  return Object.fromEntries([...reached].sort().map((name) => [name, definitions[name]!]));
}
