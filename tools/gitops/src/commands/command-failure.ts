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
): 1 | 2 {
  process.stderr.write(`gitops ${command}: ${message}\n`);
  if (json)
    process.stdout.write(`${JSON.stringify({ command, error: message, exitCode }, null, 2)}\n`);
  return exitCode;
}
