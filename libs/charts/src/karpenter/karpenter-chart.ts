import { chartPin } from '../pin/chart-pin';
import type { KarpenterValues } from './karpenter-values';

/** The Karpenter controller chart; KarpenterValues is written against this version. */
export const karpenterChart = chartPin<KarpenterValues>({
  chart: 'karpenter',
  // renovate: datasource=docker depName=public.ecr.aws/karpenter/karpenter
  version: '1.14.1',
  repository: 'oci://public.ecr.aws/karpenter',
});
