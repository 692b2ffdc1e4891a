/**
 * A render failure that names where it happened: the component file, the cluster, and (when the
 * failure is about one object) the construct and the file it would have written.
 */
export class RenderError extends Error {
  constructor(
    readonly where: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${where}: ${message}`, options);
    this.name = 'RenderError';
  }
}

/** Runs a step of a component's code, turning anything it throws into a located RenderError. */
export function located<T>(where: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw locatedError(where, error);
  }
}

export function locatedError(where: string, error: unknown): RenderError {
  if (error instanceof RenderError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new RenderError(where, `threw: ${message}`, { cause: error });
}
