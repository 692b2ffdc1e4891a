import type { BootstrapStep } from './converge-input';

/**
 * The `kubectl apply` commands of a Markdown text (the README's bootstrap section), in order,
 * each as the files and directories it applies.
 */
export function bootstrapStepsFrom(markdown: string): BootstrapStep[] {
  return [...markdown.matchAll(/^\s*(kubectl apply .*)$/gm)].map((match) => {
    const command = match[1]!.trim();
    const words = command.split(/\s+/);
    const paths: string[] = [];
    for (let i = 0; i < words.length; i++) {
      if (words[i] === '-f' || words[i] === '--filename') paths.push(words[++i] ?? '');
      else if (words[i]!.startsWith('--filename='))
        paths.push(words[i]!.slice('--filename='.length));
    }
    return { command, paths, serverSide: words.includes('--server-side') };
  });
}
