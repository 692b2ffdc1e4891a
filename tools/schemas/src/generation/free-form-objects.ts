import { forEachSubschema, type JsonSchema } from '@platform/validate';

/**
 * An empty model interface (`interface IFieldsV1 {}`, RawExtension, apiextensions JSON) stands for
 * a free-form value, what upstream marks `x-kubernetes-preserve-unknown-fields` or leaves untyped.
 * The generator would close it into "an object with no fields at all", which rejects every real
 * value, so such nodes become `{}` (any value). Objects with declared properties stay closed.
 */
export function openFreeFormObjects(definitions: Record<string, JsonSchema>): void {
  for (const definition of Object.values(definitions)) {
    forEachSubschema(definition, (node) => {
      const properties = node.properties as Record<string, unknown> | undefined;
      const isEmptyClosedObject =
        node.type === 'object' &&
        node.additionalProperties === false &&
        (!properties || Object.keys(properties).length === 0);
      if (isEmptyClosedObject) {
        delete node.type;
        delete node.additionalProperties;
        delete node.properties;
      }
    });
  }
}
