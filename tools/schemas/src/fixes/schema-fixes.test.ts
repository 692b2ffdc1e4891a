import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '@platform/validate';
import { repositoryRoot } from '../generate-schemas';
import type { FieldSchema, SchemaFix, UpstreamSource } from './schema-fix';
import { schemaFixes } from './schema-fixes';

/**
 * Each fix against the upstream file it names: the reference copies in ../shared/upstream (test
 * data only, recorded with repository, path and release in SOURCES.md) must hold that file at that
 * release, and the fix's fragment must match the CRD node at every schema path it names: the same
 * types, fields, required fields and enum values. (The whole generated kinds are compared with the
 * same CRDs in libs/validate/src/upstream-agreement/crd-agreement.test.ts.)
 */
const upstreamDirectory = join(repositoryRoot, '..', 'shared', 'upstream');
const hasUpstream = existsSync(join(upstreamDirectory, 'SOURCES.md'));
if (!hasUpstream)
  console.warn(
    `skipping the schema fix citations: no upstream reference data at ${upstreamDirectory}`,
  );

describe.skipIf(!hasUpstream)('schema fixes follow the upstream files they name', () => {
  const copies = hasUpstream ? recordedCopies() : [];
  const fixes = schemaFixes.flatMap((set) =>
    set.fixes.map((fix) => ({ ...fix, name: `${set.modelPackage}: ${describeFix(fix)}` })),
  );

  it('every fix names a file recorded at its release', () => {
    for (const fix of fixes) {
      expect(copyOf(copies, fix.upstream), fix.name).toBeDefined();
    }
  });

  for (const fix of fixes) {
    it(`${fix.name} matches ${fix.upstream.file}@${fix.upstream.release} at ${fix.upstream.schemaPaths.join(', ')}`, () => {
      const copy = copyOf(copies, fix.upstream)!;
      const root = storageSchema(join(upstreamDirectory, copy.savedAs));
      for (const path of fix.upstream.schemaPaths) {
        const node = nodeAt(root, path);
        expect(node, `${path} in ${copy.savedAs}`).toBeDefined();
        expect(mismatches(fixedPart(fix), upstreamPart(fix, node!), path)).toEqual([]);
        if (fix.kind === 'replace')
          expect(mismatches(fix.generated, upstreamPart(fix, node!), path)).not.toEqual([]);
      }
    });
  }
});

interface RecordedCopy {
  savedAs: string;
  repository: string;
  path: string;
  version: string;
}

/** The `## Files` table of SOURCES.md: saved as | upstream repo | upstream path | commit | version. */
function recordedCopies(): RecordedCopy[] {
  const text = readFileSync(join(upstreamDirectory, 'SOURCES.md'), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.startsWith('| crds/'))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map(([, savedAs, repository, path, , version]) => ({
      savedAs: savedAs!,
      repository: repository!,
      path: path!,
      version: version!,
    }));
}

function copyOf(copies: RecordedCopy[], source: UpstreamSource): RecordedCopy | undefined {
  return copies.find(
    (copy) =>
      copy.repository === source.repository &&
      copy.path === source.file &&
      new RegExp(`(^|[^\\w.])${source.release.replace(/\./g, '\\.')}([^\\w.]|$)`).test(
        copy.version,
      ),
  );
}

const storageSchemas = new Map<string, JsonSchema>();

/** The openAPIV3Schema of the CRD's storage version. */
function storageSchema(file: string): JsonSchema {
  const cached = storageSchemas.get(file);
  if (cached) return cached;
  const crd = parse(readFileSync(file, 'utf8')) as {
    spec: { versions: { storage: boolean; schema: { openAPIV3Schema: JsonSchema } }[] };
  };
  const schema = crd.spec.versions.find((version) => version.storage)!.schema.openAPIV3Schema;
  storageSchemas.set(file, schema);
  return schema;
}

/** `spec.generators[].scmProvider.gitea` in an openAPIV3Schema. */
function nodeAt(root: JsonSchema, path: string): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  for (const segment of path.split('.')) {
    const name = segment.replace(/(\[\])+$/, '');
    node = (node?.properties as Record<string, JsonSchema> | undefined)?.[name];
    for (let i = 0; i < (segment.length - name.length) / 2; i += 1)
      node = node?.items as JsonSchema | undefined;
  }
  return node;
}

/** What the fix writes, as one object or scalar comparable with the upstream node. */
function fixedPart(fix: SchemaFix): FieldSchema {
  if (fix.kind === 'add-fields')
    return {
      type: 'object',
      properties: fix.fields,
      required: fix.required ?? [],
      additionalProperties: false,
    };
  return fix.replacement;
}

/** The part of the upstream node the fix covers. */
function upstreamPart(fix: SchemaFix, node: JsonSchema): JsonSchema {
  const properties = (node.properties ?? {}) as Record<string, JsonSchema>;
  if (fix.kind === 'add-fields') {
    const names = Object.keys(fix.fields);
    return {
      type: 'object',
      properties: Object.fromEntries(names.map((name) => [name, properties[name]])),
      required: ((node.required as string[] | undefined) ?? []).filter((n) => names.includes(n)),
    };
  }
  return fix.field === undefined ? node : (properties[fix.field] ?? {});
}

/**
 * Differences in type, fields, required fields and enum values. A `$ref` to a shared definition is
 * not followed: that definition's agreement is the job of the CRD agreement tests.
 */
function mismatches(ours: FieldSchema, theirs: JsonSchema | undefined, path: string): string[] {
  if (!theirs) return [`${path}: not upstream`];
  if ('$ref' in ours) return [];
  if (ours.type !== theirs.type) return [`${path}: ours is ${ours.type}, upstream ${theirs.type}`];
  switch (ours.type) {
    case 'string': {
      const sorted = (values: unknown) =>
        JSON.stringify(Array.isArray(values) ? [...values].sort() : null);
      return sorted(ours.enum) === sorted(theirs.enum)
        ? []
        : [`${path}: enum ours ${sorted(ours.enum)}, upstream ${sorted(theirs.enum)}`];
    }
    case 'array':
      return mismatches(ours.items, theirs.items as JsonSchema | undefined, `${path}[]`);
    case 'object': {
      const theirProperties = (theirs.properties ?? {}) as Record<string, JsonSchema>;
      const found: string[] = [];
      const ourNames = Object.keys(ours.properties).sort();
      const theirNames = Object.keys(theirProperties).sort();
      if (ourNames.join() !== theirNames.join())
        found.push(`${path}: fields ours ${ourNames.join(',')}, upstream ${theirNames.join(',')}`);
      const ourRequired = [...(ours.required ?? [])].sort().join();
      const theirRequired = [...((theirs.required as string[] | undefined) ?? [])].sort().join();
      if (ourRequired !== theirRequired)
        found.push(`${path}: required ours ${ourRequired}, upstream ${theirRequired}`);
      if (theirs['x-kubernetes-preserve-unknown-fields'] === true)
        found.push(`${path}: upstream is free-form, ours closed`);
      for (const name of ourNames)
        found.push(...mismatches(ours.properties[name]!, theirProperties[name], `${path}.${name}`));
      return found;
    }
    default:
      return [];
  }
}

function describeFix(fix: SchemaFix): string {
  if (fix.kind === 'add-fields') return `${fix.definition} + ${Object.keys(fix.fields).join(', ')}`;
  return `${fix.definition}${fix.field ? `.${fix.field}` : ''} replaced`;
}
