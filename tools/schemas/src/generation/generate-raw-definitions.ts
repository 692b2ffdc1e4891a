import { localDefinitionName, type JsonSchema } from '@platform/validate';
import {
  createFormatter,
  createParser,
  DEFAULT_CONFIG,
  SchemaGenerator,
  type CompletedConfig,
} from 'ts-json-schema-generator';
import { withCanonicalDefinitionNames } from './canonical-definition-names';
import { createRootsProgram, type RootImport } from './virtual-roots-program';

export interface RawDefinitions {
  definitions: Record<string, JsonSchema>;
  /** Root alias → the definition it names. */
  roots: Map<string, string>;
  /** Definition name → the .d.ts (or .ts) file that declares it. */
  sourceFiles: Map<string, string>;
}

/**
 * Runs ts-json-schema-generator once over all roots, so every type reachable from several kinds
 * (ObjectMeta, PodSpec, …) becomes one shared definition. Objects with declared properties are
 * closed (`additionalProperties: false`); descriptions are left out to keep the output small.
 */
export function generateRawDefinitions(
  repositoryRoot: string,
  roots: RootImport[],
): RawDefinitions {
  const { program, rootsFile } = createRootsProgram(repositoryRoot, roots);
  const config: CompletedConfig = {
    ...DEFAULT_CONFIG,
    path: rootsFile,
    type: '*',
    expose: 'export',
    topRef: true,
    jsDoc: 'none',
    skipTypeCheck: true,
    additionalProperties: false,
    sortProps: true,
  };
  const sourceFiles = new Map<string, string>();
  const schema = withCanonicalDefinitionNames(sourceFiles, () =>
    new SchemaGenerator(
      program,
      createParser(program, config),
      createFormatter(config),
      config,
    ).createSchema('*'),
  );
  const definitions = (schema.definitions ?? {}) as Record<string, JsonSchema>;
  const rootNames = new Map<string, string>();
  for (const { alias } of roots) {
    const target = localDefinitionName(definitions[alias]?.$ref);
    if (!target) throw new Error(`root ${alias} did not produce a named definition`);
    rootNames.set(alias, target);
    delete definitions[alias];
  }
  return { definitions, roots: rootNames, sourceFiles };
}
