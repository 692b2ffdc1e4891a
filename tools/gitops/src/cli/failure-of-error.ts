import { CommandFailure } from './command-report';

/**
 * What a command's error means for its caller: an unknown --app or --cluster or an empty
 * selection is a usage error (2); a render aborted by its checks or an invalid component or
 * inventory file is a failure with its located problems (1); anything else is a bug, said
 * plainly (its stack with GITOPS_DEBUG=1).
 */
export async function failureOf(error: unknown): Promise<CommandFailure> {
  const { InventoryError } = await import('@platform/config');
  const { CatalogError, RenderError, UnknownScopeError } = await import('@platform/core');
  const { RenderAborted } = await import('../render/render-pipeline');
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UnknownScopeError) return new CommandFailure(message, 2);
  if (error instanceof RenderAborted)
    return new CommandFailure(message, 1, { findings: error.findings });
  if (error instanceof CatalogError || error instanceof InventoryError)
    return new CommandFailure(message, 1, { issues: error.issues });
  if (error instanceof RenderError) return new CommandFailure(message, 1);
  if (process.env.GITOPS_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
  return new CommandFailure(message, 1);
}
