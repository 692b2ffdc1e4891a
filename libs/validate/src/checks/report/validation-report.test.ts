import { describe, expect, it } from 'vitest';
import { buildValidationReport, formatValidationSummary } from './validation-report';

describe('validation report', () => {
  const finding = (file: string, line: number, severity: 'error' | 'warning') => ({
    file,
    line,
    column: 1,
    resource: '-',
    field: '',
    message: 'x',
    severity,
    rule: 'schema',
  });

  it('sorts findings by file and line and counts errors and warnings', () => {
    const report = buildValidationReport(
      [
        finding('b.yaml', 1, 'error'),
        finding('a.yaml', 9, 'warning'),
        finding('a.yaml', 2, 'error'),
      ],
      { files: 2, resources: 3, helmValues: 0, skipped: 0 },
      'embedded',
    );
    expect(report.findings.map((f) => `${f.file}:${f.line}`)).toEqual([
      'a.yaml:2',
      'a.yaml:9',
      'b.yaml:1',
    ]);
    expect(report.summary).toEqual({
      engine: 'embedded',
      files: 2,
      resources: 3,
      helmValues: 0,
      skipped: 0,
      errors: 2,
      warnings: 1,
    });
  });

  it('prints one summary line, mentioning resources of skipped kinds only when there are some', () => {
    const summary = {
      engine: 'embedded' as const,
      files: 16,
      resources: 16,
      helmValues: 1,
      skipped: 0,
      errors: 0,
      warnings: 0,
    };
    expect(formatValidationSummary(summary)).toBe(
      'validate: 16 files, 15 resources, 1 Helm values file, 0 errors, 0 warnings (embedded engine)',
    );
    expect(formatValidationSummary({ ...summary, skipped: 2, errors: 1 })).toBe(
      'validate: 16 files, 15 resources (2 of a skipped kind, not schema-checked), 1 Helm values file, 1 error, 0 warnings (embedded engine)',
    );
  });
});
