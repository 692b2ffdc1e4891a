import type { CommandReport, LocatedProblems } from './command-report';

export type OutputFormat = 'text' | 'json' | 'markdown';

/** Where the writer prints: the process's streams, or a test's. */
export interface OutputStreams {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

/**
 * The one writer every command prints through. Under `--json` stdout is always exactly one JSON
 * document, a failure included (`{"command", "error", "exitCode"}`); text and Markdown go to
 * stdout and notes and failures to stderr, without colour unless stdout is a terminal and
 * NO_COLOR is unset.
 */
export class OutputWriter {
  constructor(
    readonly format: OutputFormat,
    private readonly streams: OutputStreams = process,
  ) {}

  report(report: CommandReport): 0 | 1 {
    if (this.format === 'json') {
      this.streams.stdout.write(jsonDocument(report.json));
      return report.exitCode;
    }
    for (const note of report.notes ?? []) this.streams.stderr.write(`${note}\n`);
    const colour = Boolean(this.streams.stdout.isTTY) && !process.env.NO_COLOR;
    const output =
      this.format === 'markdown' && report.markdown ? report.markdown() : report.text({ colour });
    if (output) this.streams.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
    return report.exitCode;
  }

  /** A failure that is not a finding: one line on stderr (and the JSON document under --json). */
  failure(command: string, message: string, exitCode: 1 | 2, located: LocatedProblems = {}): 1 | 2 {
    this.streams.stderr.write(`${command ? `gitops ${command}` : 'gitops'}: ${message}\n`);
    if (this.format === 'json')
      this.streams.stdout.write(
        jsonDocument({ command: command || 'gitops', error: message, exitCode, ...located }),
      );
    return exitCode;
  }

  /** Help text, asked for: on stdout, as the one JSON document under --json. */
  help(text: string, command = 'gitops'): void {
    this.streams.stdout.write(
      this.format === 'json' ? jsonDocument({ command, help: text }) : `${text}\n`,
    );
  }
}

function jsonDocument(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
