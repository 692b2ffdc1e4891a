import { defineCommand, type OptionDeclarations } from '../../cli/command';
import { checkSections } from '../../check/check-sections';

export const checkOptions = {} satisfies OptionDeclarations;

export const checkCommand = defineCommand({
  name: 'check',
  summary: `what CI runs, offline, over rendered/: ${checkSections.map((s) => s.name).join(', ')}`,
  details: [
    'Sections, in order:',
    ...checkSections.map((section) => `  ${section.name.padEnd(11)} ${section.proves}`),
  ].join('\n'),
  options: checkOptions,
  run: async (invocation) => (await import('./run-check')).runCheck(invocation),
});
