/** How text output may be styled: colour only on a terminal, and never with NO_COLOR. */
export interface TextStyle {
  colour: boolean;
}

/**
 * What a command found, in every form the output writer can print: the one JSON document for
 * `--json`, the text a person reads, and Markdown for commands that declare `--markdown`.
 */
export interface CommandReport {
  /** 0: success; 1: findings (or nothing to check). Usage errors are thrown (CommandFailure). */
  exitCode: 0 | 1;
  json: unknown;
  text(style: TextStyle): string;
  markdown?(): string;
  /** Said on stderr with text or Markdown output (warnings, "no resources found"); `json` has them. */
  notes?: string[];
}

/**
 * A command that could not do its work: bad usage or unreadable input (exit 2), or a failure
 * that is not a finding (exit 1: a render aborted by its checks, an invalid component file).
 * `located` is the problems behind it as data, for `--json`.
 */
export class CommandFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
    readonly located: LocatedProblems = {},
  ) {
    super(message);
    this.name = 'CommandFailure';
  }
}

/**
 * The located problems behind a failure, for --json: the findings that aborted a render (file,
 * line, column, resource, field, rule), or the component files' invalid fields (file, field).
 */
export interface LocatedProblems {
  findings?: readonly object[];
  issues?: readonly object[];
}
