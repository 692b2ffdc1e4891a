/** Helm could not be found, extracted, verified or run; the message says which and what to do. */
export class HelmError extends Error {
  constructor(
    message: string,
    /** Helm's own stderr, when Helm ran and failed. */
    readonly stderr?: string,
  ) {
    super(message);
    this.name = 'HelmError';
  }
}
