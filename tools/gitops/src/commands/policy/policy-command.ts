import { defineCommand, type OptionDeclarations } from '../../cli/command';
import { renderedSelectionOptions } from '../../cli/rendered-selection-options';

export const policyOptions = {
  ...renderedSelectionOptions,
} satisfies OptionDeclarations;

export const policyCommand = defineCommand({
  name: 'policy',
  summary:
    'policy rules with reasoned exemptions (docs/policy.md) over the paths given, or rendered/',
  arguments: { usage: '[paths…]', min: 0, max: Infinity },
  options: policyOptions,
  run: async (invocation) => (await import('./run-policy')).runPolicy(invocation),
});
