import type { GitRepository } from './inventory-types';

/** The repository the management ArgoCD syncs `rendered/` from. */
export const repository: GitRepository = {
  url: 'https://gitlab.example.com/platform/ci-platform-gitops.git',
  revision: 'main',
};

/** Where rendered manifests live, relative to the repository root. */
export const renderedRoot = 'rendered';
