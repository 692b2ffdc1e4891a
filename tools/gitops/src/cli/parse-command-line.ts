import { parseArgs } from 'node:util';
import type { Command, OptionDeclaration, OptionDeclarations } from './command';
import type { OutputFormat } from './output-writer';

/** Options every command accepts, besides its own. */
export const commonOptions = {
  json: {
    type: 'boolean',
    description: 'machine-readable output: exactly one JSON document on stdout',
  },
  help: { type: 'boolean', description: "show this command's usage and options" },
} as const satisfies OptionDeclarations;

/** `--markdown`, for commands that declare it. */
export const markdownOption = {
  markdown: { type: 'boolean', description: 'Markdown output (a merge-request note)' },
} as const satisfies OptionDeclarations;

/** A command line that does not fit the command: exit 2, with the reason. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ParsedCommandLine {
  /** Values by the option's declared name (`explain-coverage`), camelCased for the command. */
  options: Record<string, string | boolean | undefined>;
  arguments: string[];
  format: OutputFormat;
  help: boolean;
}

/** Every option `command` accepts: its own, `--markdown` if declared, `--json` and `--help`. */
export function acceptedOptions(command: Command): Record<string, OptionDeclaration> {
  return {
    ...command.options,
    ...(command.markdown ? markdownOption : {}),
    ...commonOptions,
  };
}

/**
 * Parses `args` (what follows the command's name) against the options `command` declares, once.
 * An option the command does not declare, a missing value or a wrong number of arguments is a
 * UsageError naming it.
 */
export function parseCommandLine(command: Command, args: string[]): ParsedCommandLine {
  const accepted = acceptedOptions(command);
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: Object.fromEntries(
        Object.entries(accepted).map(([name, option]) => [
          name,
          name === 'help' ? { type: 'boolean', short: 'h' } : { type: option.type },
        ]),
      ),
    });
  } catch (error) {
    throw new UsageError(usageMessage(error as NodeJS.ErrnoException));
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const help = values.help === true;
  if (values.json && values.markdown)
    throw new UsageError('--json and --markdown cannot be combined: choose one output');
  if (!help) {
    checkArgumentCount(command, parsed.positionals);
    for (const [name, option] of Object.entries(command.options))
      if (option.required && values[name] === undefined)
        throw new UsageError(`--${name} ${option.value ?? 'VALUE'} is required`);
  }
  const options: ParsedCommandLine['options'] = {};
  for (const [name, option] of Object.entries(command.options))
    options[camelCase(name)] = option.type === 'boolean' ? values[name] === true : values[name];
  if (command.markdown) options.markdown = values.markdown === true;
  return {
    options,
    arguments: parsed.positionals,
    format: values.json ? 'json' : values.markdown ? 'markdown' : 'text',
    help,
  };
}

function checkArgumentCount(command: Command, positionals: string[]) {
  const { min = 0, max = 0 } = command.arguments ?? {};
  if (positionals.length > max)
    throw new UsageError(
      max === 0
        ? `unexpected argument '${positionals[0]}' (${command.name} takes options only)`
        : `too many arguments: ${command.name} takes ${command.arguments!.usage}`,
    );
  if (positionals.length < min)
    throw new UsageError(`missing arguments: ${command.name} takes ${command.arguments!.usage}`);
}

/** Node's parseArgs messages, said the way this CLI says things. */
function usageMessage(error: NodeJS.ErrnoException): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option '${option}'`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(error.message)
        ? `option '${option}' takes no value`
        : `option '${option}' needs a value`;
    default:
      return error.message;
  }
}

export function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
