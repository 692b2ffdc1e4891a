/** One problem in a component file, located by file and field. */
export interface CatalogIssue {
  file: string;
  field: string;
  message: string;
}

/** The catalog assembled from the component files is invalid; names every problem at once. */
export class CatalogError extends Error {
  constructor(readonly issues: CatalogIssue[]) {
    super(
      `The component catalog is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((i) => `  ${i.file}: ${i.field}: ${i.message}`).join('\n'),
    );
    this.name = 'CatalogError';
  }
}
