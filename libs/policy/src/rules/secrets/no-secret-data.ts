import { isJsonObject, objectOf, type JsonObject } from '../../document/json-value';
import type { ResourceRule, RuleViolation } from '../policy-rule';
import { decodeBase64Text } from './base64-text';

const secretTypeLabel = 'argocd.argoproj.io/secret-type';
/** The keys ArgoCD reads from a cluster Secret; credentials would only ever be inside `config`. */
const clusterRegistrationKeys = [
  'name',
  'server',
  'config',
  'namespaces',
  'clusterResources',
  'project',
  'shard',
];
/** Fields of ArgoCD's cluster `config` that hold static credentials. */
const credentialFields: readonly (readonly string[])[] = [
  ['bearerToken'],
  ['username'],
  ['password'],
  ['tlsClientConfig', 'keyData'],
  ['tlsClientConfig', 'certData'],
];

export const noSecretData: ResourceRule = {
  id: 'no-secret-data',
  severity: 'error',
  rationale:
    'Git keeps every version forever and many people and systems can read it; a Secret value committed once is leaked.',
  checks: [
    'No Secret has `data` or `stringData`, with one exception: an ArgoCD cluster registration (label `argocd.argoproj.io/secret-type: cluster`) may hold `name`, `server`, `config`, `namespaces`, `clusterResources`, `project` and `shard`, as long as its `config` JSON carries no credentials: no `bearerToken`, `username`, `password`, or `tlsClientConfig.keyData` / `certData`. `awsAuthConfig` (ArgoCD assumes an IAM role and mints short-lived tokens) and `tlsClientConfig.caData` (the public CA) are fine.',
  ].join('\n'),
  fix: 'Create the Secret outside Git (an ExternalSecret from AWS Secrets Manager, or a Secret managed by hand) and reference it by name; for a chart, use its `existingSecret`-style value. Register clusters with `awsAuthConfig`, not tokens or client certificates.',
  exemption: 'resource',
  input: 'resource',
  appliesTo: [{ group: '', kind: 'Secret' }],
  check(secret) {
    const violations: RuleViolation[] = [];
    const registration = secret.labels[secretTypeLabel] === 'cluster';
    for (const field of ['data', 'stringData'] as const) {
      const entries = objectOf(secret.object[field]);
      if (Object.keys(entries).length === 0) continue;
      if (registration) violations.push(...clusterRegistrationViolations(field, entries));
      else violations.push({ path: [field], message: `Secret carries ${field} in Git` });
    }
    return violations;
  },
};

function clusterRegistrationViolations(
  field: 'data' | 'stringData',
  entries: JsonObject,
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  for (const [key, value] of Object.entries(entries)) {
    if (!clusterRegistrationKeys.includes(key)) {
      violations.push({
        path: [field, key],
        message: `cluster registration key "${key}" is not one ArgoCD reads (${clusterRegistrationKeys.join(', ')})`,
      });
      continue;
    }
    if (key !== 'config' || typeof value !== 'string') continue;
    const text = field === 'data' ? decodeBase64Text(value) : value;
    const config = text === undefined ? undefined : parseJson(text);
    if (!isJsonObject(config)) {
      violations.push({
        path: [field, key],
        message: 'cluster registration config is not a JSON object',
      });
      continue;
    }
    for (const credential of credentialFields) {
      const parent = credential.length === 1 ? config : objectOf(config[credential[0]!]);
      if (parent[credential[credential.length - 1]!] !== undefined) {
        violations.push({
          path: [field, key, ...credential],
          message: `cluster registration config holds the credential ${credential.join('.')}; use awsAuthConfig`,
        });
      }
    }
  }
  return violations;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
