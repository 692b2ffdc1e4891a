import type { GitRepository } from '@platform/config';

/**
 * The runbook convention: one Markdown file per monitor (or per family of monitors that share one
 * response), at `docs/runbooks/<app>/<runbook>.md`, linked from the monitor's message at its URL in
 * the Git repository (GitLab blob form) on the revision ArgoCD follows.
 */
export const runbooksRoot = 'docs/runbooks';

export function runbookPath(app: string, runbook: string): string {
  return `${runbooksRoot}/${app}/${runbook}.md`;
}

/** `<repository without .git>/-/blob/<revision>/`: the prefix of every file URL in the repository. */
export function repositoryBlobPrefix(repository: GitRepository): string {
  return `${repository.url.replace(/\.git$/, '')}/-/blob/${repository.revision}/`;
}

export function runbookUrl(repository: GitRepository, path: string): string {
  return `${repositoryBlobPrefix(repository)}${path}`;
}

/** Every repository file URL in a text, as repository-relative paths. */
export function linkedRepositoryPaths(repository: GitRepository, text: string): string[] {
  const prefix = repositoryBlobPrefix(repository);
  const paths: string[] = [];
  let index = text.indexOf(prefix);
  while (index >= 0) {
    const rest = text.slice(index + prefix.length);
    const path = /^[^\s)\]>"']+/.exec(rest)?.[0];
    if (path) paths.push(path);
    index = text.indexOf(prefix, index + prefix.length);
  }
  return paths;
}
