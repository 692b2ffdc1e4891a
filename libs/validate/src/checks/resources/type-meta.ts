import { jsonTypeName } from '../schema-errors/json-type-name';
import { entryFinding, type ResourceEntry } from './resource-entry';
import type { Finding } from '@platform/manifests';

/** What a resource is: its API version and kind, and the group derived from them. */
export interface TypeMeta {
  apiVersion: string;
  kind: string;
  /** `apps` for `apps/v1`, `` for the core group (`v1`). */
  group: string;
}

/** Reads apiVersion and kind; both must be non-empty strings or the resource cannot be identified. */
export function readTypeMeta(entry: ResourceEntry): { typeMeta?: TypeMeta; findings: Finding[] } {
  const value = entry.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      findings: [
        entryFinding(entry, {
          path: [],
          message: `a Kubernetes resource must be a mapping with apiVersion, kind and metadata, got ${jsonTypeName(value)}`,
          rule: 'type-meta',
        }),
      ],
    };
  }
  const findings: Finding[] = [];
  const record = value as Record<string, unknown>;
  for (const field of ['apiVersion', 'kind'] as const) {
    const fieldValue = record[field];
    if (fieldValue === undefined) {
      findings.push(
        entryFinding(entry, {
          path: [field],
          locatePath: [],
          part: 'key',
          message: `missing required field "${field}"`,
          rule: 'type-meta',
        }),
      );
    } else if (typeof fieldValue !== 'string' || fieldValue.trim() === '') {
      findings.push(
        // An empty value has no position of its own: point at its key.
        entryFinding(entry, {
          path: [field],
          part: fieldValue === null ? 'key' : 'value',
          message: `${field} must be a non-empty string, got ${describe(fieldValue)}`,
          rule: 'type-meta',
        }),
      );
    }
  }
  if (findings.length > 0) return { findings };
  const apiVersion = record.apiVersion as string;
  return {
    typeMeta: {
      apiVersion,
      kind: record.kind as string,
      group: apiVersion.includes('/') ? apiVersion.split('/')[0]! : '',
    },
    findings,
  };
}

function describe(value: unknown): string {
  return typeof value === 'string' ? 'an empty string' : jsonTypeName(value);
}
