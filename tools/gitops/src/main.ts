import type { Command } from './cli/command';
import { CommandFailure } from './cli/command-report';
import { commandHelp, globalHelp } from './cli/help-text';
import { OutputWriter } from './cli/output-writer';
import { parseCommandLine, UsageError } from './cli/parse-command-line';
import { failureOf } from './cli/failure-of-error';
import { commands } from './commands';

// Commands and the libraries behind them (cdk8s, ajv, execa, the schemas) are imported only when
// a command runs, so `--help` and usage errors start in a fraction of the time.

/** Entry point; returns the exit code instead of exiting so tests can call it. */
export async function main(argv: string[], root?: string): Promise<number> {
  const json = argv.includes('--json');
  const found = findCommand(argv);
  if (!found) return topLevel(argv, new OutputWriter(json ? 'json' : 'text'));
  const { command, rest } = found;
  let parsed;
  try {
    parsed = parseCommandLine(command, rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const writer = new OutputWriter(json ? 'json' : 'text');
    const code = writer.failure(command.name, error.message, 2);
    if (!json) process.stderr.write(`Run \`gitops ${command.name} --help\` for its usage.\n`);
    return code;
  }
  const writer = new OutputWriter(parsed.format);
  if (parsed.help) {
    writer.help(commandHelp(command), command.name);
    return 0;
  }
  try {
    const report = await command.run({
      root: root ?? (await import('./workspace/repository-root')).repositoryRoot,
      options: parsed.options,
      arguments: parsed.arguments,
      format: parsed.format,
    });
    return writer.report(report);
  } catch (error) {
    const failure = error instanceof CommandFailure ? error : await failureOf(error);
    return writer.failure(command.name, failure.message, failure.exitCode, failure.located);
  }
}

/** The command named by the first one or two words of `argv` (`render`, `charts pull`). */
function findCommand(argv: string[]): { command: Command; rest: string[] } | undefined {
  const two = commands.find((c) => c.name === `${argv[0]} ${argv[1]}`);
  if (two) return { command: two, rest: argv.slice(2) };
  const one = commands.find((c) => c.name === argv[0]);
  return one && { command: one, rest: argv.slice(1) };
}

/** No command: the help (asked for, or `gitops` alone), `help <command>`, or a usage error. */
function topLevel(argv: string[], writer: OutputWriter): number {
  const [first, ...rest] = argv.filter((arg) => arg !== '--json');
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const named = first === 'help' ? findCommand(rest) : undefined;
    writer.help(named ? commandHelp(named.command) : globalHelp(commands));
    return first === undefined ? 2 : 0;
  }
  if (first.startsWith('-')) return writer.failure('', `unknown option '${first}'`, 2);
  const group = commands.filter((c) => c.name.startsWith(`${first} `));
  if (group.length > 0 && rest.some((arg) => arg === '--help' || arg === '-h')) {
    writer.help(group.map(commandHelp).join('\n\n'), first);
    return 0;
  }
  if (group.length > 0)
    return writer.failure(
      first,
      `expected a subcommand: ${group.map((c) => c.name.split(' ')[1]).join(', ')}`,
      2,
    );
  return writer.failure('', `unknown command '${first}' (gitops --help lists the commands)`, 2);
}
