import { compareFindings, type Finding, counted } from '@platform/manifests';

export type ValidationEngineName = 'embedded' | 'kubeconform';

export interface ValidationSummary {
  /** Which engine checked resources against schemas. */
  engine: ValidationEngineName;
  files: number;
  /** Documents validated: Kubernetes objects (List items counted one by one) and Helm values files. */
  resources: number;
  /** Of `resources`, how many are Helm values files. */
  helmValues: number;
  /** Resources of a skipped kind, validated without a schema. */
  skipped: number;
  /** Custom resource versions validated against a CRD among the files, not a generated schema. */
  customResourceDefinitions?: number;
  errors: number;
  warnings: number;
}

export interface ValidationReport {
  /** Sorted by file, line and column. */
  findings: Finding[];
  summary: ValidationSummary;
}

export interface ValidationCounts {
  files: number;
  resources: number;
  helmValues: number;
  skipped: number;
  customResourceDefinitions?: number;
}

export function buildValidationReport(
  findings: Finding[],
  counts: ValidationCounts,
  engine: ValidationEngineName,
): ValidationReport {
  const sorted = [...findings].sort(compareFindings);
  return {
    findings: sorted,
    summary: {
      engine,
      ...counts,
      errors: sorted.filter((f) => f.severity === 'error').length,
      warnings: sorted.filter((f) => f.severity === 'warning').length,
    },
  };
}

/** `validate: 16 files, 15 resources, 1 Helm values file, 0 errors, 0 warnings (embedded engine)` */
export function formatValidationSummary(summary: ValidationSummary): string {
  const skipped =
    summary.skipped > 0 ? ` (${summary.skipped} of a skipped kind, not schema-checked)` : '';
  return `validate: ${[
    counted(summary.files, 'file'),
    counted(summary.resources - summary.helmValues, 'resource') + skipped,
    counted(summary.helmValues, 'Helm values file'),
    counted(summary.errors, 'error'),
    counted(summary.warnings, 'warning'),
  ].join(', ')} (${summary.engine} engine)`;
}
