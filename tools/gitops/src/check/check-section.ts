import type { ScopedRender } from '@platform/core';
import type { SourceFile } from '../workspace/collect-yaml-files';

/** What every section of `gitops check` reads: the committed rendered/ and a fresh render. */
export interface CheckInput {
  root: string;
  /** Every file under rendered/ as committed, read and parsed once for all sections. */
  files: readonly SourceFile[];
  /** A full render in memory (no checks run over it, nothing written); made once, on first use. */
  freshRender(): Promise<ScopedRender>;
}

/** What one section found. */
export interface CheckOutcome {
  failed: boolean;
  /** The section's part of `check --json`, under its name. */
  json: unknown;
  /** Its findings, one per line, then one summary line starting with the section's name. */
  lines: string[];
}

/** One section of `gitops check`: one library call over the check's input. */
export type CheckSection = (input: CheckInput) => CheckOutcome | Promise<CheckOutcome>;

/**
 * A section as `gitops check` lists it: its name (the JSON key and the summary line's prefix),
 * what it proves (for the help), and its implementation, loaded when the check runs.
 */
export interface CheckSectionEntry {
  name: string;
  proves: string;
  load(): Promise<CheckSection>;
}
