import type { Command } from '../cli/command';
import { capacityCommand } from './capacity/capacity-command';
import { chartsPullCommand, chartsVerifyCommand } from './charts/charts-command';
import { checkCommand } from './check/check-command';
import { convergeCommand } from './converge/converge-command';
import { diffCommand } from './diff/diff-command';
import { policyCommand } from './policy/policy-command';
import { renderCommand } from './render/render-command';
import { validateCommand } from './validate/validate-command';

/**
 * Every `gitops` command, in the order the help lists them. Adding a command is a folder here
 * with its declaration (`<name>-command.ts`: name, summary, options) and its implementation
 * (`run-<name>.ts`, loaded when it runs), and one line in this list.
 */
export const commands: readonly Command[] = [
  renderCommand,
  checkCommand,
  validateCommand,
  policyCommand,
  chartsVerifyCommand,
  chartsPullCommand,
  capacityCommand,
  convergeCommand,
  diffCommand,
];
