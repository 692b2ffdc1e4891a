import { diffValues } from '../fields/diff-values';
import { countRenderedResources } from '../resources/count-rendered-resources';
import { parseRenderedFiles, RenderedInputError } from '../resources/parse-rendered-files';
import {
  describeIdentity,
  identityKey,
  type RenderedFile,
  type RenderedResource,
} from '../resources/rendered-resource';
import { recreateReason } from '../recreate/immutable-fields';
import { isChartNoise } from './chart-noise';
import { removalImpact } from './removal-impact';
import { summarize } from './summarize';
import type { RenderedDiff, ResourceChange } from './rendered-diff';

/**
 * Compares two sets of resources by identity (cluster, group, kind, namespace, name), never by
 * file path: a moved file is no change, a renamed resource is a removal and an addition.
 */
export function diffResources(
  base: readonly RenderedResource[],
  head: readonly RenderedResource[],
): RenderedDiff {
  const baseByKey = indexByIdentity(base, 'base');
  const headByKey = indexByIdentity(head, 'working tree');
  const changes: ResourceChange[] = [];
  let unchanged = 0;
  for (const [key, before] of baseByKey) {
    const after = headByKey.get(key);
    if (!after) {
      const impact = removalImpact(before.identity);
      changes.push({
        change: 'removed',
        identity: before.identity,
        origin: before.origin,
        fields: [],
        recreates: false,
        chartNoiseOnly: false,
        ...(impact && { impact }),
      });
      continue;
    }
    const change = compareResource(before, after);
    if (change) changes.push(change);
    else unchanged++;
  }
  for (const [key, after] of headByKey) {
    if (!baseByKey.has(key)) {
      changes.push({
        change: 'added',
        identity: after.identity,
        origin: after.origin,
        fields: [],
        recreates: false,
        chartNoiseOnly: false,
      });
    }
  }
  changes.sort(byLocation);
  return summarize(changes, unchanged);
}

/**
 * The same, from files: files byte-identical at the same path on both sides hold the same
 * resources on both sides, so they are counted but not parsed (a 1,000-resource change in a
 * large tree parses only what changed). `identical` takes such files when the caller already
 * knows them (the CLI compares Git blob ids and never reads their base side): they are only
 * counted.
 */
export function diffRenderedFiles(
  base: readonly RenderedFile[],
  head: readonly RenderedFile[],
  identical: readonly RenderedFile[] = [],
): RenderedDiff {
  const headByPath = new Map(head.map((file) => [file.path, file.content]));
  const same = new Set(
    base.filter((file) => headByPath.get(file.path) === file.content).map((file) => file.path),
  );
  const differs = (file: RenderedFile) => !same.has(file.path);
  const diff = diffResources(
    parseRenderedFiles(base.filter(differs)),
    parseRenderedFiles(head.filter(differs)),
  );
  diff.totals.unchanged += countRenderedResources([
    ...base.filter((file) => same.has(file.path)),
    ...identical,
  ]);
  return diff;
}

function compareResource(
  before: RenderedResource,
  after: RenderedResource,
): ResourceChange | undefined {
  const fields = diffValues(before.value, after.value).map((field) => {
    const recreate = recreateReason(after.identity, field, before.value);
    return {
      ...field,
      ...(recreate && { recreate }),
      ...(isChartNoise(field) && { chartNoise: true }),
    };
  });
  if (fields.length === 0) return undefined;
  return {
    change: 'changed',
    identity: after.identity,
    origin: after.origin,
    ...(before.origin.file !== after.origin.file && { movedFrom: before.origin.file }),
    fields,
    recreates: fields.some((field) => field.recreate),
    chartNoiseOnly: fields.every((field) => field.chartNoise),
  };
}

function indexByIdentity(resources: readonly RenderedResource[], side: string) {
  const byKey = new Map<string, RenderedResource>();
  for (const resource of resources) {
    const key = identityKey(resource.identity);
    const other = byKey.get(key);
    if (other) {
      throw new RenderedInputError(
        `${resource.origin.file}: ${describeIdentity(resource.identity)} in cluster ${resource.identity.cluster} is also in ${other.origin.file} (${side}); a resource must be rendered once`,
      );
    }
    byKey.set(key, resource);
  }
  return byKey;
}

function byLocation(a: ResourceChange, b: ResourceChange): number {
  const key = (c: ResourceChange) =>
    [
      c.identity.cluster,
      c.origin.app,
      c.identity.kind,
      c.identity.namespace,
      c.identity.name,
      c.identity.group,
    ].join('\u0000');
  const [x, y] = [key(a), key(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}
