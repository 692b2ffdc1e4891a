import type { NodeTaint } from '@platform/config';
import type { NodeSelectorRequirement } from '../workload/scheduling-terms';

/** What the planner needs from a NodePool (read from a rendered one by `readNodePool`). */
export interface NodePoolSettings {
  name: string;
  file: string;
  nodeClassName: string;
  requirements: NodeSelectorRequirement[];
  taints: NodeTaint[];
  /** `spec.template.metadata.labels` */
  labels: Record<string, string>;
  /** `spec.limits`; absent means unlimited. */
  limits: { cpuMillis?: number; memoryMiB?: number };
}
