/**
 * The bundled CLI's modules of the `@platform/*` libraries (import path → file), set once at
 * start-up by `runBundledCli`; unset when the CLI runs from source (tsx, tests). Component files
 * are bundled against them (component-bundle.ts), so components and CLI share one copy of each.
 * A module of its own, without imports, so setting it loads nothing else.
 */
let libraryBundle: Record<string, string> | undefined;

export function useLibraryBundle(libraries: Record<string, string>): void {
  libraryBundle = libraries;
}

export function bundledLibraries(): Record<string, string> | undefined {
  return libraryBundle;
}
