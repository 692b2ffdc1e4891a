import type { Command } from './command';
import { acceptedOptions } from './parse-command-line';

const width = 100;

export const exitCodes =
  'Exit codes (every command): 0 success, 1 findings (drift, invalid resources, policy violations, nothing to check), 2 bad usage or unreadable input.';

/** `render [--app A] [--cluster C]`: a command's name, arguments and own options. */
export function usageLine(command: Command): string {
  const options = Object.entries(command.options).map(([name, option]) => {
    const usage = option.type === 'string' ? `--${name} ${option.value ?? 'VALUE'}` : `--${name}`;
    return option.required ? usage : `[${usage}]`;
  });
  if (command.markdown) options.push('[--markdown]');
  return [command.name, command.arguments?.usage, ...options].filter(Boolean).join(' ');
}

/** The list of commands, each with its usage and summary: `gitops --help`. */
export function globalHelp(commands: readonly Command[]): string {
  const usages = commands.map(usageLine);
  const column = Math.min(Math.max(...usages.map((u) => u.length)) + 3, 44);
  const rows = commands.flatMap((command, i) => table(`  ${usages[i]}`, command.summary, column));
  return [
    "gitops: render and check the platform's Kubernetes manifests",
    '',
    'Usage: gitops <command> [options]     gitops <command> --help: that command and its options',
    '',
    'Commands:',
    ...rows,
    '',
    'Every command also takes --json (exactly one JSON document on stdout) and -h, --help.',
    ...wrap(exitCodes, width),
  ].join('\n');
}

/** One command's usage, what it does and every option it accepts: `gitops <command> --help`. */
export function commandHelp(command: Command): string {
  const options = Object.entries(acceptedOptions(command)).map(([name, option]) => {
    const flag = name === 'help' ? '-h, --help' : `--${name}`;
    return [
      option.type === 'string' ? `${flag} ${option.value ?? 'VALUE'}` : flag,
      option.description,
    ];
  });
  const column = Math.max(...options.map(([flag]) => flag!.length)) + 4;
  return [
    `Usage: gitops ${usageLine(command)}`,
    '',
    ...wrap(command.summary, width),
    ...(command.details ? ['', ...command.details.split('\n').flatMap((l) => wrap(l, width))] : []),
    '',
    'Options:',
    ...options.flatMap(([flag, description]) => table(`  ${flag}`, description!, column)),
    '',
    ...wrap(exitCodes, width),
  ].join('\n');
}

/** `left` padded to `column`, then `text` wrapped, continuation lines indented to the column. */
function table(left: string, text: string, column: number): string[] {
  const lines = wrap(text, width - column);
  const first =
    left.length + 1 > column
      ? [left, ...lines]
      : [`${left.padEnd(column)}${lines.shift()}`, ...lines];
  return first.map((line, i) => (i === 0 ? line : `${' '.repeat(column)}${line}`));
}

/** `text` in lines of at most `limit` characters, broken between words; its indent is kept. */
function wrap(text: string, limit: number): string[] {
  const indent = /^ */.exec(text)![0];
  const lines: string[] = [];
  let line = '';
  for (const word of text.trimStart().split(' ')) {
    if (line && line.length + 1 + word.length > limit) {
      lines.push(line);
      line = `${indent}${word}`;
    } else line = line ? `${line} ${word}` : `${indent}${word}`;
  }
  if (line) lines.push(line);
  return lines;
}
