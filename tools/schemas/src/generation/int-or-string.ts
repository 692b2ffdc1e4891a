import type { JsonSchema } from '@platform/validate';

/** The model packages declare IntOrString as `string | number`; Kubernetes accepts only integers. */
export const intOrStringDefinition = 'IoK8sApimachineryPkgUtilIntstrIntOrString';

export function restrictIntOrStringToIntegers(definitions: Record<string, JsonSchema>): void {
  if (definitions[intOrStringDefinition])
    definitions[intOrStringDefinition] = { type: ['string', 'integer'] };
}
