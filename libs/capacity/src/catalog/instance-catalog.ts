import { onDemandUsdPerHour } from '../pricing/on-demand-prices';
import type { InstanceTypeSpec } from './instance-type';

/**
 * Every instance type the CI NodePools may select (a test proves the NodePools' requirements
 * select nothing outside it). Checked on 2026-11-25 against:
 * - vCPU, memory: the EC2 instance type pages (c = 2 GiB, m = 4 GiB, r = 8 GiB per vCPU).
 * - ENIs × IPv4 per ENI: the EC2 user guide table "IP addresses per network interface per
 *   instance type"; the products agree with awslabs/amazon-eks-ami
 *   templates/shared/runtime/eni-max-pods.txt (large 29, xlarge/2xlarge 58, 4xlarge/8xlarge 234).
 * - Baseline bandwidth: aws/karpenter-provider-aws
 *   pkg/providers/instancetype/zz_generated.bandwidth.go (the `instance-network-bandwidth` label).
 * - On-demand price: Karpenter v1.14.1's own table (libs/capacity/src/pricing, us-east-1).
 * Sizes up to 4xlarge are "up to" burst sizes; the baseline is what a busy node sustains.
 * 6th/7th-generation Intel and Graviton3 share these ENI limits; 8th-generation types do not,
 * so they need rows of their own before a NodePool may select them.
 */
const sizes = [
  { size: 'large', vcpu: 2, maxEnis: 3, ipv4PerEni: 10, intelMbps: 781, gravitonMbps: 937 },
  { size: 'xlarge', vcpu: 4, maxEnis: 4, ipv4PerEni: 15, intelMbps: 1562, gravitonMbps: 1876 },
  { size: '2xlarge', vcpu: 8, maxEnis: 4, ipv4PerEni: 15, intelMbps: 3125, gravitonMbps: 3750 },
  { size: '4xlarge', vcpu: 16, maxEnis: 8, ipv4PerEni: 30, intelMbps: 6250, gravitonMbps: 7500 },
  { size: '8xlarge', vcpu: 32, maxEnis: 8, ipv4PerEni: 30, intelMbps: 12500, gravitonMbps: 15000 },
] as const;

const families = [
  { family: 'c6i', architecture: 'amd64', gibPerVcpu: 2 },
  { family: 'c7i', architecture: 'amd64', gibPerVcpu: 2 },
  { family: 'm6i', architecture: 'amd64', gibPerVcpu: 4 },
  { family: 'm7i', architecture: 'amd64', gibPerVcpu: 4 },
  { family: 'r6i', architecture: 'amd64', gibPerVcpu: 8 },
  { family: 'r7i', architecture: 'amd64', gibPerVcpu: 8 },
  { family: 'c7g', architecture: 'arm64', gibPerVcpu: 2 },
  { family: 'm7g', architecture: 'arm64', gibPerVcpu: 4 },
  { family: 'r7g', architecture: 'arm64', gibPerVcpu: 8 },
] as const;

function priceOf(name: string): number {
  const price = onDemandUsdPerHour[name];
  if (price === undefined)
    throw new Error(
      `libs/capacity/src/catalog/instance-catalog.ts: ${name} has no price in Karpenter's table (libs/capacity/src/pricing/on-demand-prices.json)`,
    );
  return price;
}

export const instanceTypeCatalog: readonly InstanceTypeSpec[] = families.flatMap((family) =>
  sizes.map(
    (size): InstanceTypeSpec => ({
      name: `${family.family}.${size.size}`,
      family: family.family,
      category: family.family.charAt(0),
      generation: Number(family.family.charAt(1)),
      size: size.size,
      architecture: family.architecture,
      vcpu: size.vcpu,
      memoryMiB: size.vcpu * family.gibPerVcpu * 1024,
      maxEnis: size.maxEnis,
      ipv4PerEni: size.ipv4PerEni,
      networkBaselineMbps: family.architecture === 'arm64' ? size.gravitonMbps : size.intelMbps,
      onDemandUsdPerHour: priceOf(`${family.family}.${size.size}`),
    }),
  ),
);

export function findInstanceType(
  name: string,
  catalog: readonly InstanceTypeSpec[] = instanceTypeCatalog,
): InstanceTypeSpec | undefined {
  return catalog.find((type) => type.name === name);
}
