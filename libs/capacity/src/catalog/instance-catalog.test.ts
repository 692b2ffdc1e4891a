import { describe, expect, it } from 'vitest';
import { instanceTypeCatalog } from './instance-catalog';
import { instanceTypeLabelKeys, instanceTypeLabels } from './instance-type';

describe('the instance catalog', () => {
  it('holds each type once, with the EC2 figures the EKS max-pods table agrees with', () => {
    const names = instanceTypeCatalog.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    // eni-max-pods.txt: large 29, xlarge and 2xlarge 58, 4xlarge and 8xlarge 234.
    const maxPods = { large: 29, xlarge: 58, '2xlarge': 58, '4xlarge': 234, '8xlarge': 234 };
    for (const type of instanceTypeCatalog) {
      expect(type.maxEnis * (type.ipv4PerEni - 1) + 2, type.name).toBe(
        maxPods[type.size as keyof typeof maxPods],
      );
    }
    expect(instanceTypeCatalog.find((t) => t.name === 'r7g.4xlarge')).toMatchObject({
      vcpu: 16,
      memoryMiB: 131072,
      architecture: 'arm64',
      networkBaselineMbps: 7500,
    });
  });

  it('labels every type with exactly the keys NodePool requirements are matched on', () => {
    for (const type of instanceTypeCatalog) {
      expect(new Set(Object.keys(instanceTypeLabels(type)))).toEqual(instanceTypeLabelKeys);
    }
  });
});
