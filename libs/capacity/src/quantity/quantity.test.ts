import { describe, expect, it } from 'vitest';
import { cpuMillis, formatCpu, formatMemory, memoryMiB, QuantityError } from './quantity';

describe('quantities', () => {
  it('reads CPU as millicores', () => {
    expect(cpuMillis('500m')).toBe(500);
    expect(cpuMillis('2')).toBe(2000);
    expect(cpuMillis('0.25')).toBe(250);
    expect(cpuMillis(1.5)).toBe(1500);
  });

  it('reads memory as MiB in binary and decimal units', () => {
    expect(memoryMiB('1Gi')).toBe(1024);
    expect(memoryMiB('128Mi')).toBe(128);
    expect(memoryMiB('1G')).toBeCloseTo(953.674, 3);
    expect(memoryMiB('1048576')).toBe(1);
  });

  it('rejects what Kubernetes rejects', () => {
    expect(() => cpuMillis('1 core')).toThrow(QuantityError);
    expect(() => memoryMiB('2GB')).toThrow('"2GB" is not a Kubernetes quantity');
  });

  it('formats whole cores and GiB compactly', () => {
    expect(formatCpu(3000)).toBe('3');
    expect(formatCpu(1250)).toBe('1250m');
    expect(formatMemory(4096)).toBe('4Gi');
    expect(formatMemory(1465)).toBe('1465Mi');
  });
});
