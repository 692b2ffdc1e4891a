import { main } from './main';
import { useLibraryBundle } from './workspace/library-bundle';

/**
 * The entry point of the bundled CLI (bin/cli-bundle.mjs builds it; bin/gitops.mjs calls it).
 * `libraries` are the bundle's own modules of the `@platform/*` libraries: component files are
 * bundled against them, so a component and the CLI share one copy of each library.
 */
export async function runBundledCli(
  argv: string[],
  libraries: Record<string, string>,
): Promise<number> {
  useLibraryBundle(libraries);
  return main(argv);
}
