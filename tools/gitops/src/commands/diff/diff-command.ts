import { defineCommand, type OptionDeclarations } from '../../cli/command';

export const diffOptions = {
  base: {
    type: 'string',
    value: 'REV',
    required: true,
    description: 'the git revision to compare with, e.g. origin/main',
  },
  'max-chars': {
    type: 'string',
    value: 'N',
    description: 'with --markdown: the longest note, at least 2000 (default 60000)',
  },
  'full-diff-url': {
    type: 'string',
    value: 'URL',
    description: 'with --markdown: where the complete diff is, linked when the note is cut',
  },
} satisfies OptionDeclarations;

export const diffCommand = defineCommand({
  name: 'diff',
  summary:
    'rendered/ at REV against the working tree, resource by resource: added, deleted, changed fields, recreates (docs/reviewing.md)',
  options: diffOptions,
  markdown: true,
  run: async (invocation) => (await import('./run-diff')).runDiff(invocation),
});
