import { defineCommand, type OptionDeclarations } from '../../cli/command';
import { renderedSelectionOptions } from '../../cli/rendered-selection-options';

export const validateOptions = {
  ...renderedSelectionOptions,
  engine: {
    type: 'string',
    value: 'E',
    description:
      'auto (default: kubeconform if a binary is on PATH or in $KUBECONFORM, else embedded), embedded or kubeconform',
  },
  'explain-coverage': {
    type: 'boolean',
    description: 'list the CEL rules of the rendered CRDs that are not evaluated, and why',
  },
} satisfies OptionDeclarations;

export const validateCommand = defineCommand({
  name: 'validate',
  summary:
    'strict offline schema validation of resources and Helm values files: the paths given, or rendered/',
  arguments: { usage: '[paths…]', min: 0, max: Infinity },
  options: validateOptions,
  run: async (invocation) => (await import('./run-validate')).runValidate(invocation),
});
