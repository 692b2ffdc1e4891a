/** One reason the peak does not fit, or a setting the planner cannot trust. */
export interface CapacityFinding {
  severity: 'error' | 'warning';
  /** What to change: `NodePool ci-jobs`, `subnet ci-nodes-b (eu-west-1b, 10.20.64.0/18)`… */
  subject: string;
  message: string;
  /** The file that defines the subject, when there is one. */
  file?: string;
}

export function formatCapacityFinding(finding: CapacityFinding): string {
  const where = finding.file ? `${finding.file}  ` : '';
  return `${finding.severity.padEnd(7)} ${where}${finding.subject}: ${finding.message}`;
}
