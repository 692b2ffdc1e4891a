import type { DocumentRule } from '../policy-rule';
import { scanForCredentials } from './credential-scan';

export const noCredentials: DocumentRule = {
  id: 'no-credentials',
  severity: 'error',
  rationale:
    'A credential in Git is leaked to everyone who can read the repository, its forks and its CI logs, for good.',
  checks: [
    'Every string in every manifest and Helm values file, including JSON held in strings and base64 text (Secret `data`), for values that look like a credential:',
    '',
    '- GitLab tokens by prefix (`glrt-`, `glpat-`, `gldt-`, `glptt-`, `glcbt-`, `glft-`, `gloas-`, …) and legacy runner registration tokens (`GR1348941…`);',
    '- AWS access key ids (`AKIA`/`ASIA` and 16 upper-case letters or digits);',
    '- PEM private key blocks (`-----BEGIN … PRIVATE KEY-----`; certificates are public and pass);',
    '- AWS secret access keys (40 base64 characters) under a key named like `aws_secret_access_key` or `secretKey`;',
    '- Datadog API keys (32 hex) and application keys (40 hex) under a key named like `api_key` / `apiKey` / `DD_API_KEY` or `app_key`, also in `key = value` text such as TOML.',
    '',
    'Findings never print the value.',
  ].join('\n'),
  fix: 'Remove the value, and rotate the credential: it is in Git history now. Keep it in AWS Secrets Manager (or another store) and reference it: an ExternalSecret or existing Secret, and the chart value that names it (`runners.secret`, `datadog.apiKeyExistingSecret`, …).',
  exemption: 'resource',
  exemptionNote:
    'Only manifests carry annotations: a finding in a Helm values file cannot be exempted.',
  input: 'document',
  check: (document) =>
    scanForCredentials(document.document.value).map((hit) => ({
      path: hit.path,
      message: `${hit.encoded ? 'base64-decoded value' : 'value'} looks like ${hit.what}; keep credentials out of Git`,
    })),
};
