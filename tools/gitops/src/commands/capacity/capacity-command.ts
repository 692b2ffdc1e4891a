import { defineCommand, type OptionDeclarations } from '../../cli/command';

export const capacityOptions = {
  cluster: { type: 'string', value: 'C', description: 'plan cluster C only' },
  svg: {
    type: 'string',
    value: 'FILE',
    description:
      'also draw pool utilisation and subnet headroom as SVG (one cluster: add --cluster)',
  },
} satisfies OptionDeclarations;

export const capacityCommand = defineCommand({
  name: 'capacity',
  summary:
    'plan the CI peak against the rendered NodePools, EC2NodeClasses and DaemonSets: nodes, limits, subnet addresses per zone',
  options: capacityOptions,
  run: async (invocation) => (await import('./run-capacity')).runCapacity(invocation),
});
