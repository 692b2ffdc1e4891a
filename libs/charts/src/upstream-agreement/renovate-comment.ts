/**
 * The Renovate annotation (`// renovate: <fields>`) on the line directly above the pin's
 * `version: '<version>',` line, or undefined (tests only): Renovate's regex manager reads exactly that shape.
 */
export function renovateCommentAbove(source: string, version: string): string | undefined {
  const lines = source.split('\n');
  const index = lines.findIndex((line) => line.trim() === `version: '${version}',`);
  if (index < 1) return undefined;
  return /^\s*\/\/ renovate: (.+)$/.exec(lines[index - 1]!)?.[1];
}
