import type { KindSelector } from '../policy-rule';

export const applicationKind: readonly KindSelector[] = [
  { group: 'argoproj.io', kind: 'Application' },
];
export const appProjectKind: readonly KindSelector[] = [
  { group: 'argoproj.io', kind: 'AppProject' },
];
