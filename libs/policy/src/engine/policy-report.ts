import type { Finding } from '@platform/manifests';

/** An exemption annotation that is honoured: it names a rule that can be exempted, with a reason. */
export interface ExemptionInForce {
  rule: string;
  /** The resource carrying the annotation (`Namespace/…` for a namespace-wide exemption). */
  resource: string;
  file: string;
  /** Line of the annotation. */
  line: number;
  reason: string;
}

export interface PolicyCounts {
  files: number;
  /** Kubernetes objects checked (Helm values files are files, not resources). */
  resources: number;
  errors: number;
  warnings: number;
  exemptions: number;
}

export interface PolicyReport {
  /** Sorted by file and position; includes YAML syntax errors, since a file that does not parse was not checked. */
  findings: Finding[];
  /** Sorted by file and line. */
  exemptions: ExemptionInForce[];
  counts: PolicyCounts;
}
