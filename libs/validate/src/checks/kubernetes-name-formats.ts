/**
 * The name formats of k8s.io/apimachinery/pkg/util/validation, with the same limits. Each returns
 * the problems with a value, or nothing when it is valid.
 */

const dns1123LabelPattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dns1123SubdomainPattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const dns1035LabelPattern = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const qualifiedNamePartPattern = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const labelValuePattern = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export const dns1123LabelMaxLength = 63;
export const dns1123SubdomainMaxLength = 253;
export const labelValueMaxLength = 63;
export const qualifiedNameMaxLength = 63;

/** RFC 1123 label: Namespace names, metadata.namespace. */
export function dns1123LabelProblems(value: string): string[] {
  const problems = lengthProblems(value, dns1123LabelMaxLength);
  if (!dns1123LabelPattern.test(value)) {
    problems.push(
      'must be a lowercase RFC 1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit',
    );
  }
  return problems;
}

/** RFC 1123 subdomain: the default for object names. */
export function dns1123SubdomainProblems(value: string): string[] {
  const problems = lengthProblems(value, dns1123SubdomainMaxLength);
  if (!dns1123SubdomainPattern.test(value)) {
    problems.push(
      'must be a lowercase RFC 1123 subdomain: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit',
    );
  }
  return problems;
}

/** RFC 1035 label: Service names (they become DNS names and environment variables). */
export function dns1035LabelProblems(value: string): string[] {
  const problems = lengthProblems(value, dns1123LabelMaxLength);
  if (!dns1035LabelPattern.test(value)) {
    problems.push(
      'must be an RFC 1035 label: lowercase letters, digits and "-", starting with a letter and ending with a letter or digit',
    );
  }
  return problems;
}

/** Path segment: RBAC object names (they appear in API paths). */
export function pathSegmentNameProblems(value: string): string[] {
  if (value === '.' || value === '..') return [`may not be "${value}"`];
  const problems: string[] = [];
  for (const forbidden of ['/', '%'])
    if (value.includes(forbidden)) problems.push(`may not contain "${forbidden}"`);
  return problems;
}

/** Label and annotation keys: `[prefix/]name`, prefix a DNS subdomain, name at most 63 characters. */
export function qualifiedNameProblems(value: string): string[] {
  const parts = value.split('/');
  if (parts.length > 2)
    return ['must be a name with at most one "/" (an optional DNS subdomain prefix)'];
  const [prefix, name] = parts.length === 2 ? [parts[0]!, parts[1]!] : [undefined, parts[0]!];
  const problems: string[] = [];
  if (prefix !== undefined) {
    if (prefix === '') problems.push('prefix part must not be empty');
    else
      problems.push(...dns1123SubdomainProblems(prefix).map((problem) => `prefix part ${problem}`));
  }
  if (name === '') problems.push('name part must not be empty');
  else {
    if (name.length > qualifiedNameMaxLength)
      problems.push(`name part must be no more than ${qualifiedNameMaxLength} characters`);
    if (!qualifiedNamePartPattern.test(name)) {
      problems.push(
        'name part must consist of letters, digits, "-", "_" or ".", starting and ending with a letter or digit',
      );
    }
  }
  return problems;
}

/** Label values: empty, or at most 63 characters of letters, digits, "-", "_", ".". */
export function labelValueProblems(value: string): string[] {
  const problems =
    value.length > labelValueMaxLength
      ? [`must be no more than ${labelValueMaxLength} characters`]
      : [];
  if (!labelValuePattern.test(value)) {
    problems.push(
      'must be empty or consist of letters, digits, "-", "_" or ".", starting and ending with a letter or digit',
    );
  }
  return problems;
}

function lengthProblems(value: string, max: number): string[] {
  if (value.length === 0) return ['must not be empty'];
  return value.length > max ? [`must be no more than ${max} characters`] : [];
}
