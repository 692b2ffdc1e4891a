/**
 * One problem found in a YAML file, by any check (syntax, schema, policy). Every finding points at
 * a file, a line and column in its source, the resource and the field, so it can be acted on.
 */
export interface Finding {
  file: string;
  line: number;
  column: number;
  /** `kind/namespace/name`, `kind/name` when cluster-scoped, or `-` when unknown. */
  resource: string;
  /** Dotted field path such as `spec.template.spec.containers[0].image`; `` for the whole document. */
  field: string;
  message: string;
  severity: 'error' | 'warning';
  /** Stable id of what found it: `yaml`, `schema`, `duplicate-resource`, or a policy rule id. */
  rule: string;
}

/** `file:line:col  kind/namespace/name  field.path  message` */
export function formatFinding(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column}  ${finding.resource}  ${finding.field || '-'}  ${finding.message}`;
}

/** Orders findings by file, then position, so output is stable. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.line - b.line ||
    a.column - b.column ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
