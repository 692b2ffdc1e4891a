import { defineCommand, type OptionDeclarations } from '../../cli/command';

export const policyOptions = {
  app: { type: 'string', value: 'A', description: 'check rendered/*/A (without paths)' },
  cluster: { type: 'string', value: 'C', description: 'check rendered/C (without paths)' },
} satisfies OptionDeclarations;

export const policyCommand = defineCommand({
  name: 'policy',
  summary:
    'policy rules with reasoned exemptions (docs/policy.md) over the paths given, or rendered/',
  arguments: { usage: '[paths…]', min: 0, max: Infinity },
  options: policyOptions,
  run: async (invocation) => (await import('./run-policy')).runPolicy(invocation),
});
