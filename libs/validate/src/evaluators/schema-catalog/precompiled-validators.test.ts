import { describe, expect, it } from 'vitest';
import { loadEmbeddedSchemasText } from './embedded-schemas';
import { loadPrecompiledValidators } from './precompiled-validators';

describe('precompiled validators', () => {
  it('are loaded only for the schema document they were compiled from', () => {
    const validators = loadPrecompiledValidators(loadEmbeddedSchemasText());
    expect(validators!.validator('v1/ConfigMap')).toBeTypeOf('function');
    expect(validators!.validator('example.com/v1/Unknown')).toBeUndefined();
    expect(validators!.validator('toString')).toBeUndefined();
    expect(loadPrecompiledValidators(`${loadEmbeddedSchemasText()} `)).toBeUndefined();
  });
});
