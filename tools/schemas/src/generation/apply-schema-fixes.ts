import { isDeepStrictEqual } from 'node:util';
import { forEachSubschema, localDefinitionName, type JsonSchema } from '@platform/validate';
import type { AddFieldsFix, ModelPackageFixes, ReplaceSchemaFix } from '../fixes/schema-fix';

/**
 * Applies the reviewed fixes (tools/schemas/src/fixes/) to the generated definitions, in place.
 * Throws, naming the fix, when a model package is not at the version its fixes were reviewed
 * against, when a fixed definition or field no longer looks as the fix expects (the package has
 * caught up: delete the fix), or when a fix refers to a definition that does not exist.
 */
export function applySchemaFixes(
  definitions: Record<string, JsonSchema>,
  fixSets: readonly ModelPackageFixes[],
  installed: Record<string, string>,
): void {
  for (const set of fixSets) {
    const version = installed[set.modelPackage];
    if (version !== set.modelVersion) {
      throw new Error(
        `the schema fixes for ${set.modelPackage} were reviewed against ${set.modelVersion}, but ` +
          `${version ?? 'no version'} is installed: check each fix in tools/schemas/src/fixes/ against ` +
          'the new model interfaces, delete those the package now covers, and update modelVersion',
      );
    }
    for (const fix of set.fixes) {
      const at = `fix of ${fix.definition} (${set.modelPackage})`;
      const target = definitions[fix.definition];
      if (!target) throw new Error(`${at}: no such generated definition`);
      if (fix.kind === 'add-fields') addFields(target, fix, at);
      else replaceSchema(definitions, fix, at);
    }
  }
  const missing = danglingReferences(definitions);
  if (missing.length > 0)
    throw new Error(`schema fixes refer to missing definitions: ${missing.join(', ')}`);
}

function addFields(target: JsonSchema, fix: AddFieldsFix, at: string): void {
  const properties = target.properties as Record<string, JsonSchema> | undefined;
  if (target.type !== 'object' || !properties || target.additionalProperties !== false)
    throw new Error(`${at}: not a closed object, so fields cannot be added to it`);
  const present = Object.keys(fix.fields).filter((name) => name in properties);
  if (present.length > 0) {
    throw new Error(
      `${at}: the model already declares ${present.join(', ')}; delete the fix for these fields`,
    );
  }
  const required = fix.required ?? [];
  const undeclared = required.filter((name) => !(name in fix.fields));
  if (undeclared.length > 0)
    throw new Error(`${at}: required fields that the fix does not add: ${undeclared.join(', ')}`);

  const merged = insertInOrder(
    properties,
    structuredClone(fix.fields) as Record<string, JsonSchema>,
  );
  const allRequired = [...((target.required as string[] | undefined) ?? []), ...required].sort();
  const { type, additionalProperties, ...rest } = target;
  delete rest.properties;
  delete rest.required;
  // Same key order as a generated object: type, properties, required, additionalProperties.
  for (const key of Object.keys(target)) delete target[key];
  Object.assign(target, {
    type,
    properties: merged,
    ...(allRequired.length > 0 && { required: allRequired }),
    additionalProperties,
    ...rest,
  });
}

function replaceSchema(
  definitions: Record<string, JsonSchema>,
  fix: ReplaceSchemaFix,
  at: string,
): void {
  const target = definitions[fix.definition]!;
  const replacement = structuredClone(fix.replacement) as JsonSchema;
  if (fix.field === undefined) {
    if (!isDeepStrictEqual(target, fix.generated))
      throw new Error(`${at}: the generated definition changed; review the fix: ${show(target)}`);
    definitions[fix.definition] = replacement;
    return;
  }
  const properties = target.properties as Record<string, JsonSchema> | undefined;
  const current = properties?.[fix.field];
  if (!current || !isDeepStrictEqual(current, fix.generated)) {
    throw new Error(
      `${at}: field ${fix.field} is not as the fix expects; review the fix: ${show(current)}`,
    );
  }
  properties![fix.field] = replacement;
}

/** Adds `extra` to `existing`, each before the first existing key that sorts after it. */
function insertInOrder<T>(
  existing: Record<string, T>,
  extra: Record<string, T>,
): Record<string, T> {
  const entries = Object.entries(existing);
  for (const [key, value] of Object.entries(extra).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const index = entries.findIndex(([other]) => other > key);
    entries.splice(index === -1 ? entries.length : index, 0, [key, value]);
  }
  return Object.fromEntries(entries);
}

function danglingReferences(definitions: Record<string, JsonSchema>): string[] {
  const missing = new Set<string>();
  for (const definition of Object.values(definitions)) {
    forEachSubschema(definition, (node) => {
      const name = localDefinitionName(node.$ref);
      if (name && !definitions[name]) missing.add(name);
    });
  }
  return [...missing].sort();
}

function show(schema: unknown): string {
  return schema === undefined ? '(absent)' : JSON.stringify(schema);
}
