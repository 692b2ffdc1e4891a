import { describe, expect, it } from 'vitest';
import { cidrContains, cidrSize, cidrsOverlap, parseIpv4Cidr, type Ipv4Cidr } from './cidr';

function cidr(text: string): Ipv4Cidr {
  const parsed = parseIpv4Cidr(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

describe('parseIpv4Cidr', () => {
  it('parses a valid block and computes its size', () => {
    expect(cidrSize(cidr('10.20.0.0/19'))).toBe(8192);
    expect(cidrSize(cidr('0.0.0.0/0'))).toBe(2 ** 32);
  });

  it.each([
    ['10.0.300.0/24', 'invalid IPv4 address'],
    ['10.0.0.0', 'not an IPv4 CIDR'],
    ['10.0.0.0/33', 'prefix length above 32'],
    ['10.0.0.1/24', 'host bits set'],
    ['010.0.0.0/8', 'invalid IPv4 address'],
  ])('rejects %s', (text, reason) => {
    expect(parseIpv4Cidr(text)).toContain(reason);
  });
});

describe('containment and overlap', () => {
  it('knows a subnet inside its VPC', () => {
    expect(cidrContains(cidr('10.20.0.0/16'), cidr('10.20.32.0/19'))).toBe(true);
    expect(cidrContains(cidr('10.20.0.0/16'), cidr('10.21.0.0/19'))).toBe(false);
  });

  it('detects overlapping and adjacent blocks', () => {
    expect(cidrsOverlap(cidr('10.20.0.0/19'), cidr('10.20.16.0/20'))).toBe(true);
    expect(cidrsOverlap(cidr('10.20.0.0/19'), cidr('10.20.32.0/19'))).toBe(false);
  });
});
