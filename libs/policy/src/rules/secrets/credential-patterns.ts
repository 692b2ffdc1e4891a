/**
 * What a committed credential looks like. Shapes that are public or random-but-harmless (sha256
 * digests, CA certificates, IAM role ARNs, hex cluster endpoints) match none of these: hex keys
 * count only under a key name that says what they are.
 */

/** Credentials recognisable from the text alone (also inside config files held in strings). */
const textPatterns: readonly { pattern: RegExp; describe(match: RegExpExecArray): string }[] = [
  {
    // GitLab prefixes its tokens by type: runner (glrt-), personal (glpat-), deploy (gldt-), …
    pattern:
      /\b(glpat|glrt|glrtr|gldt|glptt|glcbt|glft|gloas|glagent|glsoat|glimt|glwt|glffct)-[0-9A-Za-z_.-]{20,}/,
    describe: (match) => `a GitLab token (${match[1]}-…)`,
  },
  {
    pattern: /\bGR1348941[0-9A-Za-z_-]{20,}/,
    describe: () => 'a GitLab runner registration token (GR1348941…)',
  },
  {
    pattern: /\b(AKIA|ASIA)[A-Z0-9]{16}\b/,
    describe: (match) => `an AWS access key id (${match[1]}…)`,
  },
  {
    pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/,
    describe: () => 'a PEM private key',
  },
  {
    pattern:
      /\b(?:aws_secret_access_key|secret_access_key|secretaccesskey|secret_?key)["']?\s*[:=]\s*["']?[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/i,
    describe: () => 'an AWS secret access key',
  },
  {
    pattern: /\b(?:dd_api_key|api_?key|api-key)["']?\s*[:=]\s*["']?[0-9a-f]{32}(?![0-9A-Za-z])/i,
    describe: () => 'a Datadog API key',
  },
  {
    pattern:
      /\b(?:dd_app_key|app_?key|app-key|application_?key)["']?\s*[:=]\s*["']?[0-9a-f]{40}(?![0-9A-Za-z])/i,
    describe: () => 'a Datadog application key',
  },
];

/** Credentials recognisable from their shape under a key name that says what they are. */
const keyedPatterns: readonly {
  key: (normalizedKey: string) => boolean;
  value: RegExp;
  what: string;
}[] = [
  {
    key: (name) => name.includes('secretaccesskey') || name.endsWith('secretkey'),
    value: /^[A-Za-z0-9/+]{40}$/,
    what: 'an AWS secret access key',
  },
  { key: (name) => name.includes('apikey'), value: /^[0-9a-f]{32}$/i, what: 'a Datadog API key' },
  {
    key: (name) => name.includes('appkey') || name.includes('applicationkey'),
    value: /^[0-9a-f]{40}$/i,
    what: 'a Datadog application key',
  },
];

/** `aws_secret_access_key`, `AWS-Secret-Access-Key` and `awsSecretAccessKey` all read the same. */
function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** What credentials a string holds, judged by its text and, if given, the key it is stored under. */
export function credentialsIn(
  text: string,
  keyName: string | undefined,
  scanText = true,
): string[] {
  const found = new Set<string>();
  if (keyName !== undefined) {
    const key = normalizeKey(keyName);
    for (const pattern of keyedPatterns) {
      if (pattern.key(key) && pattern.value.test(text.trim())) found.add(pattern.what);
    }
  }
  if (scanText) {
    for (const { pattern, describe } of textPatterns) {
      const match = pattern.exec(text);
      if (match) found.add(describe(match));
    }
  }
  return [...found];
}
