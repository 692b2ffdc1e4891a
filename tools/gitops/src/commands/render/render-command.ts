import { defineCommand, type OptionDeclarations } from '../../cli/command';

export const renderOptions = {
  app: { type: 'string', value: 'A', description: 'render only apps/A (rendered/*/A)' },
  cluster: { type: 'string', value: 'C', description: 'render only for cluster C (rendered/C)' },
} satisfies OptionDeclarations;

export const renderCommand = defineCommand({
  name: 'render',
  summary:
    'render apps into rendered/; validate, policy and delivery run in memory first, and rendered/ changes only if everything passes',
  options: renderOptions,
  run: async (invocation) => (await import('./run-render')).runRender(invocation),
});
