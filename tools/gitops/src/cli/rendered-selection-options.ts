import type { OptionDeclarations } from './command';

/** `--app` and `--cluster` of a command that reads rendered/ when it is given no paths. */
export const renderedSelectionOptions = {
  app: { type: 'string', value: 'A', description: 'read rendered/*/A (instead of paths)' },
  cluster: { type: 'string', value: 'C', description: 'read rendered/C (instead of paths)' },
} as const satisfies OptionDeclarations;
