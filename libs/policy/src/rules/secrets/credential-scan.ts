import type { FieldPath } from '@platform/manifests';
import { isJsonObject } from '../../document/json-value';
import { decodeBase64Text } from './base64-text';
import { credentialsIn } from './credential-patterns';

/** A credential found at a field; `encoded` when it was found only after base64 decoding. */
export interface CredentialHit {
  path: FieldPath;
  what: string;
  encoded: boolean;
}

/** Strings inside strings (JSON in JSON in base64) are followed this deep. */
const maxNesting = 3;

/**
 * Every credential-looking value in a YAML value, including inside JSON strings and base64 text.
 * The key a value is stored under travels with it; for `{name: DD_API_KEY, value: …}` pairs
 * (env vars, Helm parameters) the `name` is the key.
 */
export function scanForCredentials(value: unknown): CredentialHit[] {
  const hits = new Map<string, CredentialHit>();
  const visit = (
    node: unknown,
    path: FieldPath,
    key: string | undefined,
    depth: number,
    encoded: boolean,
  ) => {
    if (typeof node === 'string') {
      const nested = depth < maxNesting ? parseJsonContainer(node) : undefined;
      for (const what of credentialsIn(node, key, nested === undefined)) {
        const hit = { path, what, encoded };
        hits.set(`${JSON.stringify(path)} ${what}`, hit);
      }
      if (nested !== undefined) {
        visit(nested, path, key, depth + 1, encoded);
      } else if (depth < maxNesting) {
        const decoded = decodeBase64Text(node);
        if (decoded !== undefined) visit(decoded, path, key, depth + 1, true);
      }
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, [...path, index], key, depth, encoded));
    } else if (isJsonObject(node)) {
      const pairName = typeof node.name === 'string' && 'value' in node ? node.name : undefined;
      for (const [childKey, child] of Object.entries(node)) {
        const childKeyName = childKey === 'value' && pairName !== undefined ? pairName : childKey;
        visit(child, [...path, childKey], childKeyName, depth, encoded);
      }
    }
  };
  visit(value, [], undefined, 0, false);
  return [...hits.values()];
}

/** A JSON object or array held in a string (ArgoCD cluster config, dockerconfigjson, …). */
function parseJsonContainer(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}
