import type { KeywordDefinition, SchemaValidateFunction } from 'ajv';
import { kubernetesFormatKeyword, kubernetesStringFormats } from './kubernetes-formats';

const validate: SchemaValidateFunction = (format: string, data: string) => {
  const valid = kubernetesStringFormats[format]?.(data) ?? true;
  validate.errors = valid
    ? undefined
    : [
        {
          keyword: kubernetesFormatKeyword,
          message: `must be a valid ${format} (got ${JSON.stringify(data)})`,
          params: { format },
        },
      ];
  return valid;
};

/** `kubernetesFormat: <name>`: a string format checked the way the API server checks it. */
export const kubernetesFormatKeywordDefinition: KeywordDefinition = {
  keyword: kubernetesFormatKeyword,
  type: 'string',
  schemaType: 'string',
  validate,
  errors: true,
};
