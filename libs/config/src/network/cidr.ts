/** An IPv4 CIDR block, parsed once so that containment and overlap are integer maths. */
export interface Ipv4Cidr {
  /** The block as written, e.g. `10.20.0.0/19`. */
  readonly text: string;
  /** First address of the block as an unsigned 32-bit integer. */
  readonly first: number;
  readonly prefixLength: number;
}

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** Parses `a.b.c.d/n`; returns a reason string instead of throwing so callers can name the field. */
export function parseIpv4Cidr(text: string): Ipv4Cidr | string {
  const match = /^([^/]+)\/(\d{1,2})$/.exec(text);
  if (!match) return `"${text}" is not an IPv4 CIDR (expected a.b.c.d/n)`;
  const [, address = '', prefix = ''] = match;
  const octets = address.split('.');
  if (octets.length !== 4 || !octets.every((o) => OCTET.test(o))) {
    return `"${text}" has an invalid IPv4 address`;
  }
  const prefixLength = Number(prefix);
  if (prefixLength > 32) return `"${text}" has a prefix length above 32`;
  const value = octets.reduce((acc, o) => acc * 256 + Number(o), 0);
  const size = 2 ** (32 - prefixLength);
  if (value % size !== 0) {
    return `"${text}" has host bits set (the block starts at ${formatIpv4(value - (value % size))})`;
  }
  return { text, first: value, prefixLength };
}

export function cidrSize(cidr: Ipv4Cidr): number {
  return 2 ** (32 - cidr.prefixLength);
}

export function cidrLast(cidr: Ipv4Cidr): number {
  return cidr.first + cidrSize(cidr) - 1;
}

export function cidrContains(outer: Ipv4Cidr, inner: Ipv4Cidr): boolean {
  return inner.first >= outer.first && cidrLast(inner) <= cidrLast(outer);
}

export function cidrsOverlap(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
  return a.first <= cidrLast(b) && b.first <= cidrLast(a);
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}
