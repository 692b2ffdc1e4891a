/**
 * How every command reports a failure that is not a finding (bad usage, unreadable input, a crash):
 * one line on stderr, and under --json also one JSON document on stdout, so a caller parsing
 * stdout always gets exactly one document.
 */
export function reportFailure(
  command: string,
  message: string,
  json: boolean,
  exitCode: 1 | 2,
  located: LocatedProblems = {},
): 1 | 2 {
  process.stderr.write(`gitops ${command}: ${message}\n`);
  if (json)
    process.stdout.write(
      `${JSON.stringify({ command, error: message, exitCode, ...located }, null, 2)}\n`,
    );
  return exitCode;
}

/**
 * The located problems behind a failure, for --json: the findings that aborted a render (file,
 * line, column, resource, field, rule), or the component files' invalid fields (file, field).
 */
export interface LocatedProblems {
  findings?: readonly object[];
  issues?: readonly object[];
}
