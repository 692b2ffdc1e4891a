import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runbooksRoot, type TextFile } from '@platform/monitoring';

/** Every Markdown file under docs/runbooks/, repository-relative and sorted, for the runbook check. */
export function readRunbooks(root: string): TextFile[] {
  const files: TextFile[] = [];
  const visit = (relative: string) => {
    const absolute = join(root, relative);
    if (statSync(absolute).isDirectory()) {
      for (const entry of readdirSync(absolute).sort()) visit(`${relative}/${entry}`);
    } else if (relative.endsWith('.md')) {
      files.push({ path: relative, content: readFileSync(absolute, 'utf8') });
    }
  };
  if (existsSync(join(root, runbooksRoot))) visit(runbooksRoot);
  return files;
}
