import { defineCommand, type OptionDeclarations } from '../../cli/command';

export const convergeOptions = {
  cluster: {
    type: 'string',
    value: 'C',
    description:
      'report cluster C only (the replay still runs them all: clusters depend on each other)',
  },
  svg: { type: 'string', value: 'FILE', description: 'also write the timeline as an SVG' },
} satisfies OptionDeclarations;

export const convergeCommand = defineCommand({
  name: 'converge',
  summary:
    'replay how Argo CD 3.5.1 brings every cluster up from empty, from rendered/ and the README bootstrap alone: a timeline and a verdict per cluster',
  details:
    'Each cluster either "converged in N waves" or is "stuck at <application> wave <n> on <resource> because <reason>", with the file and the rule. --json gives {"clusters": [{"name", "converged", "waves", "stuck", "warnings"}]}.',
  options: convergeOptions,
  markdown: true,
  run: async (invocation) => (await import('./run-converge')).runConverge(invocation),
});
