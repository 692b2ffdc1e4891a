import type { CommandReport } from './command-report';
import type { OutputFormat } from './output-writer';

/** An option a command accepts: `--name VALUE` (a string) or `--name` (a flag). */
export interface OptionDeclaration {
  type: 'string' | 'boolean';
  /** The value's placeholder in the help (`A`, `FILE`); string options only. */
  value?: string;
  /** One line for the help. */
  description: string;
  /** The command cannot run without it (string options). */
  required?: boolean;
}

export type OptionDeclarations = Record<string, OptionDeclaration>;

/** `explain-coverage` → `explainCoverage`: how a command reads its options. */
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/** The parsed values of a command's declared options: strings when given, flags always. */
export type OptionValues<O extends OptionDeclarations> = {
  [K in keyof O & string as CamelCase<K>]: O[K]['type'] extends 'boolean'
    ? boolean
    : O[K]['type'] extends 'string'
      ? string | undefined
      : string | boolean | undefined;
};

/** The positional arguments a command takes: their usage text and how many. */
export interface ArgumentsDeclaration {
  /** As the usage line shows them: `[paths…]`, `<chart> <version>`. */
  usage: string;
  min: number;
  max: number;
}

/** What a command's `run` receives: its own options, parsed once, and its arguments. */
export interface Invocation<O extends OptionDeclarations> {
  /** The repository the command works on. */
  root: string;
  options: OptionValues<O>;
  arguments: string[];
  format: OutputFormat;
}

/**
 * A `gitops` command: its name, help and options, and how it runs. The declaration is cheap to
 * load (the help lists every command), so `run` imports the command's implementation and its
 * libraries only when the command runs.
 */
export interface Command<O extends OptionDeclarations = OptionDeclarations> {
  /** One word, or two for a subcommand (`charts pull`). */
  name: string;
  /** One line: what the command does, for the list of commands and the top of its help. */
  summary: string;
  /** More of the command's help, printed under the summary. */
  details?: string;
  arguments?: ArgumentsDeclaration;
  options: O;
  /** Accepts `--markdown` (its report then has a Markdown rendering). */
  markdown?: boolean;
  run(invocation: Invocation<O>): Promise<CommandReport>;
}

/** Declares a command; the identity function, there for the option types' inference. */
export function defineCommand<O extends OptionDeclarations>(command: Command<O>): Command<O> {
  return command;
}
