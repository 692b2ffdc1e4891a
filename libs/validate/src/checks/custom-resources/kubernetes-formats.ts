/**
 * String formats the API server checks in CRD schemas (k8s.io/kube-openapi's strfmt registry), as
 * predicates. Numeric formats (int32, int64, float, double) are type hints there and are not
 * range-checked; formats the API server does not know are ignored by it, and so here.
 */
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const IPV4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HOSTNAME =
  /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const MAC = /^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

function isIpv6(text: string): boolean {
  if (!text.includes(':')) return false;
  try {
    return new URL(`http://[${text}]/`).hostname.length > 0;
  } catch {
    return false;
  }
}

function isCidr(text: string): boolean {
  const [ip, bits, extra] = text.split('/');
  if (extra !== undefined || !ip || !bits || !/^\d{1,3}$/.test(bits)) return false;
  if (IPV4.test(ip)) return Number(bits) <= 32;
  return isIpv6(ip) && Number(bits) <= 128;
}

function isUri(text: string): boolean {
  try {
    return new URL(text).protocol.length > 0;
  } catch {
    return false;
  }
}

export const kubernetesStringFormats: Record<string, (text: string) => boolean> = {
  'date-time': (text) => RFC3339.test(text),
  datetime: (text) => RFC3339.test(text),
  date: (text) => DATE.test(text),
  uuid: (text) => UUID.test(text),
  byte: (text) => BASE64.test(text),
  ipv4: (text) => IPV4.test(text),
  ipv6: isIpv6,
  cidr: isCidr,
  hostname: (text) => HOSTNAME.test(text),
  mac: (text) => MAC.test(text),
  email: (text) => EMAIL.test(text),
  uri: isUri,
};

/** Whether a string has a format the API server checks; formats it does not know always pass. */
export function isKubernetesFormat(format: string, text: string): boolean {
  return kubernetesStringFormats[format]?.(text) ?? true;
}

/** The ajv keyword CRD-derived schemas carry a string `format` as (ajv's own formats are off). */
export const kubernetesFormatKeyword = 'kubernetesFormat';

/**
 * The ajv keyword CRD-derived schemas carry a `pattern` as: matched with Go's regular expression
 * syntax (RE2), as the API server matches it, not ECMAScript's.
 */
export const kubernetesPatternKeyword = 'kubernetesPattern';
